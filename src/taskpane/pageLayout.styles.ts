/**
 * The frame the preview and the workbook page share: the task pane on the
 * left, the workbook's sheets on the right.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePageLayoutStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateColumns: "minmax(300px, 360px) 1fr",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  pane: {
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  workbook: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    padding: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});
