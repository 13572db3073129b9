/**
 * Colours and sizes shared by every sheet the add-in writes, so clerks learn
 * one look: input headers blue, output headers grey-green (do not type here).
 */
export const HEADER_FILL = "#DDEBF7";
export const INPUT_HEADER_FONT = "#1F3864";
/** Output columns have their own header fill, so nobody types into them by mistake. */
export const OUTPUT_HEADER_FILL = "#E2EFDA";
export const OUTPUT_HEADER_FONT = "#375623";
export const TITLE_FONT_SIZE = 14;
export const GOOD_FILL = "#C6EFCE";
export const GOOD_FONT = "#006100";
export const WARN_FILL = "#FFEB9C";
export const WARN_FONT = "#9C5700";
export const BAD_FILL = "#FFC7CE";
export const BAD_FONT = "#9C0006";

/**
 * The ledger style of figures on leader sheets: every count with thousands
 * separators, one fixed number of decimals per column, rates to one decimal,
 * dates written out as 2022年2月23日.
 */
export const COUNT_FORMAT = "#,##0";
export const DECIMAL1_FORMAT = "#,##0.0";
export const DECIMAL2_FORMAT = "#,##0.00";
export const PERCENT_FORMAT = "0.0%";
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const DATE_TIME_FORMAT = 'm"月"d"日" hh:mm';
/** Grey for notes under a title or a table. */
export const NOTE_FONT = "#595959";
export const SUBTOTAL_FILL = "#F2F2F2";
