import type { setupZhCN } from "./setup-zh-cn.ts";

/** 首次设置 (the first-run page) in English; must carry every key of the Chinese strings. */
export const setupEnUS: Record<keyof typeof setupZhCN, string> = {
  "setup.title": "First-run setup",
  "setup.intro":
    "This installation is not set up yet. Choose your jurisdiction and the first system administrator; then sign in.",
  "setup.jurisdiction": "Jurisdiction",
  "setup.level": "Level",
  "setup.level.province": "Province",
  "setup.level.city": "City",
  "setup.level.county": "County",
  "setup.province": "Province",
  "setup.city": "City",
  "setup.county": "County",
  "setup.choose": "Choose",
  "setup.chooseRequired": "Choose down to the level you serve",
  "setup.selected": "Division code: {code}  {name}",
  "setup.dataSource": "Division data: {source}",
  "setup.admin": "System administrator",
  "setup.login": "Login name",
  "setup.displayName": "Name",
  "setup.password": "Password",
  "setup.confirm": "Confirm password",
  "setup.confirmMismatch": "The passwords differ",
  "setup.required": "Required",
  "setup.token": "Setup token",
  "setup.tokenHint":
    "The setup token is printed in the console of the server running luoshi serve and kept in setup-token.txt in the data folder, so only someone with access to the server can finish the setup.",
  "setup.submit": "Set up",
  "setup.done": "Setup complete",
  "setup.doneDetail":
    "Created {name}: {counties} counties, {townships} townships, {departments} departments and offices. System administrator {login} ({unit}) may sign in now.",
  "setup.next": "Next: import the school list; the security administrator creates the units' accounts.",
  "setup.toLogin": "Go to sign-in",
  "setup.already": "This installation is set up",
  "setup.alreadyDetail": "Jurisdiction: {name} ({code})",
  "setup.loadFailed": "Could not read the setup status",
  "setup.retry": "Retry",
  "setup.notInitialised": "This installation is not set up yet: complete the first-run setup first.",
  "setup.goSetup": "Go to first-run setup",
};
