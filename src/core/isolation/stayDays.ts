/**
 * How long a returnee is isolated, by the risk level of the place they came
 * from. The stays are parameters because the protocol changed (14 days, then
 * the 9th edition's 7 + 3).
 */

export type RiskLevel = "高风险" | "中风险" | "其他涉疫地区" | "低风险";

export const RISK_LEVELS: readonly RiskLevel[] = ["高风险", "中风险", "其他涉疫地区", "低风险"];

export interface StayOptions {
  /** Days for arrivals from high- or medium-risk areas (高中风险地区隔离天数). */
  highRiskStayDays: number;
  /** Days for arrivals from other affected areas (其他涉疫地区隔离天数). */
  otherRiskStayDays: number;
}

/**
 * The isolation stay in days: the high/medium-risk stay, the other-affected-
 * area stay, or 0 for 低风险.
 *
 * @example
 * stayDays("高风险", { highRiskStayDays: 14, otherRiskStayDays: 7 })        //=> 14
 * stayDays("中风险", { highRiskStayDays: 14, otherRiskStayDays: 7 })        //=> 14
 * stayDays("其他涉疫地区", { highRiskStayDays: 14, otherRiskStayDays: 7 })  //=> 7
 * stayDays("低风险", { highRiskStayDays: 14, otherRiskStayDays: 7 })        //=> 0
 */
export function stayDays(risk: RiskLevel, options: StayOptions): number {
  switch (risk) {
    case "高风险":
    case "中风险":
      return options.highRiskStayDays;
    case "其他涉疫地区":
      return options.otherRiskStayDays;
    case "低风险":
      return 0;
  }
}
