/**
 * The 物资储备 section's own controls: the choices of 生成填报模板 (and the
 * template files of a "workbooks" run), and 导入填报 (files in, the change
 * list, the confirmation). It never calls Excel: it uses its props only.
 */
import type { SectionPanelProps } from "../sectionPanel";
import { StockpileImport, type StockpileImportProps } from "./StockpileImport";
import { StockpileTemplates, type StockpileTemplatesProps } from "./StockpileTemplates";
import { useStockpileStyles } from "./StockpilePanel.styles";

export interface StockpilePanelProps extends SectionPanelProps {
  /** Test seams: the file reader and the workbook builder (exceljs by default). */
  readFiles?: StockpileImportProps["readFiles"];
  buildWorkbook?: StockpileTemplatesProps["buildWorkbook"];
}

/** The 物资储备 section's panel. */
export function StockpilePanel(props: StockpilePanelProps) {
  const styles = useStockpileStyles();
  return (
    <div className={styles.root}>
      <StockpileTemplates {...props} />
      <StockpileImport {...props} />
    </div>
  );
}
