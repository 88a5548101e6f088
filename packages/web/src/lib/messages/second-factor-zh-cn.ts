/** 双因素认证 (the second factor: TOTP) — Chinese source strings, spread into the main dictionary. */
export const secondFactorZhCN = {
  "totp.title": "双因素认证（动态口令）",
  "totp.header": "动态口令",
  "totp.codeTitle": "输入动态口令",
  "totp.codeIntro":
    "口令正确。请打开手机上的验证器 App（如 Microsoft Authenticator、Google Authenticator 等支持 TOTP 的验证器），输入“落实 luoshi”显示的 6 位数字。",
  "totp.code": "动态口令或恢复码",
  "totp.codeRequired": "请输入 6 位动态口令或恢复码",
  "totp.verify": "验证并登录",
  "totp.recoveryHint":
    "手机丢失时，可输入绑定时保存的一个恢复码（每个只能用一次）；恢复码也用完时，请联系安全管理员重置。",
  "totp.cancel": "换个账号登录",
  "totp.mustEnrol": "按本单位安全要求，您的账号须启用双因素认证：绑定动态口令后才能继续使用。",
  "totp.enrolled": "已启用双因素认证（{date} 绑定），剩余恢复码 {left} 个。",
  "totp.notEnrolled": "尚未绑定动态口令。绑定后，每次登录除口令外还须输入手机验证器上的 6 位动态口令。",
  "totp.start": "绑定动态口令",
  "totp.scan": "第一步：用验证器 App 扫描二维码",
  "totp.qrAlt": "动态口令绑定二维码",
  "totp.manual": "无法扫码时，在 App 中选择“输入密钥”，账户名填登录名，密钥为：",
  "totp.confirmStep": "第二步：输入 App 显示的 6 位数字，确认绑定",
  "totp.confirm": "确认绑定",
  "totp.codesTitle": "已绑定。请立即保存以下恢复码",
  "totp.codesIntro":
    "手机丢失或无法使用时，每个恢复码可代替动态口令登录一次。恢复码只显示这一次，请抄写或打印后妥善保管，不要保存在本电脑上。",
  "totp.done": "已保存，继续",
  "totp.back": "返回",
} as const;
