/**
 * Fills `{name}` placeholders from `vars`. A placeholder without a value stays as written, so a
 * missing variable shows up on screen instead of silently vanishing.
 */
export function interpolate(template: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = vars[key];
    return value === undefined ? whole : String(value);
  });
}
