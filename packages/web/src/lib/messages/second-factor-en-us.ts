import type { secondFactorZhCN } from "./second-factor-zh-cn.ts";

/** The second factor (TOTP) — English. */
export const secondFactorEnUS: Record<keyof typeof secondFactorZhCN, string> = {
  "totp.title": "Two-factor authentication (TOTP)",
  "totp.header": "Two-factor",
  "totp.codeTitle": "Enter your one-time code",
  "totp.codeIntro":
    "Password accepted. Open the authenticator app on your phone and enter the 6-digit code shown for “落实 luoshi”.",
  "totp.code": "One-time code or recovery code",
  "totp.codeRequired": "Enter the 6-digit code or a recovery code",
  "totp.verify": "Verify and sign in",
  "totp.recoveryHint":
    "Lost your phone? Enter one of the recovery codes you saved (each works once); when none is left, ask the security administrator to reset it.",
  "totp.cancel": "Sign in as someone else",
  "totp.mustEnrol": "Your account must use two-factor authentication: bind an authenticator app to continue.",
  "totp.enrolled": "Two-factor authentication is on (bound {date}); {left} recovery codes left.",
  "totp.notEnrolled":
    "No authenticator bound yet. Once bound, every sign-in asks for the app's 6-digit code after the password.",
  "totp.start": "Bind an authenticator",
  "totp.scan": "Step 1: scan the QR code with your authenticator app",
  "totp.qrAlt": "QR code for binding the authenticator",
  "totp.manual":
    "Cannot scan? Choose “enter a setup key” in the app, use your login as the account name and this key:",
  "totp.confirmStep": "Step 2: enter the 6-digit code the app shows to confirm",
  "totp.confirm": "Confirm",
  "totp.codesTitle": "Bound. Save these recovery codes now",
  "totp.codesIntro":
    "If your phone is lost, each recovery code signs you in once instead of a one-time code. They are shown only this once: write them down or print them, and do not keep them on this computer.",
  "totp.done": "Saved, continue",
  "totp.back": "Back",
};
