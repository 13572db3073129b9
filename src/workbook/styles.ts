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
