/**
 * Registers only the Fluent UI web components the pane uses (the package's per-component
 * entry points keep the bundle small) and applies the light theme's design tokens, which
 * is all Fluent's setTheme does, as CSS custom properties on the document.
 */
import "@fluentui/web-components/button.js";
import { webLightTheme } from "@fluentui/tokens";

export function applyFluentTheme(root: HTMLElement = document.documentElement): void {
  for (const [token, value] of Object.entries(webLightTheme)) root.style.setProperty(`--${token}`, String(value));
}
