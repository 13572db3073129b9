/**
 * The unit categories of the daily-reporting roster: the same four as the
 * 物资储备 table, so one roster serves both.
 */

/** 县应急物资储备库, 县直部门, 乡镇, 医疗机构, in the order leader sheets list them. */
export const UNIT_CATEGORIES = ["县应急物资储备库", "县直部门", "乡镇", "医疗机构"] as const;

export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

/** The group of units whose category is blank or unreadable. */
export const UNCATEGORIZED = "未分类";
