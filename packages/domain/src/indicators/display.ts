/**
 * 指标显示: values are computed unrounded; rounding happens only where they are shown, the way published
 * figures are written — 94.08%, 生机比 6:1, 幼儿园专任教师与幼儿比 1:15. The formats live in
 * @luoshi/common so that the web writes the figures it derives itself the same way.
 */
export { formatIndicatorValue } from "@luoshi/common";
