/** 抽签验证 (the public draw-verification page) — Chinese source strings. */
export const drawsZhCN = {
  "draw.linkFromLogin": "公众入口：抽签（摇号、分班、抽查）结果验证",
  "draw.title": "抽签验证",
  "draw.intro":
    "摇号、分班与双随机抽查的结果，均可由公布的冻结名单和公开随机数重新计算（算法 {algorithm}）。本页在您的浏览器中计算，不上传任何数据；也可用命令 luoshi draw verify 或独立脚本复核。",
  "draw.labels": "冻结名单",
  "draw.labelsHelp": "每行一项，按公布的顺序（报名号、学校代码等）。",
  "draw.entropy": "公开随机数",
  "draw.entropyHelp": "每行一组，如“双色球 2027031 期：3 11 19 24 27 31 9”。",
  "draw.reveal": "揭示值（如有）",
  "draw.commitment": "承诺值（如有）",
  "draw.published": "公布的结果（可选）",
  "draw.publishedHelp": "粘贴公布的结果 CSV（名次,名单项,位置值），逐项比对。",
  "draw.run": "重新计算",
  "draw.failed": "无法计算",
  "draw.agrees": "验证通过：{count} 项的名次与重新计算的结果一致",
  "draw.differs": "验证不通过：{count} 处与重新计算的结果不符",
  "draw.digest": "名单摘要（SHA-256）",
  "draw.key": "随机数串",
  "draw.rank": "名次",
  "draw.label": "名单项",
  "draw.position": "位置值",
} as const;
