/**
 * Where people reach the project: the public repository and its issue forms
 * (.github/ISSUE_TEMPLATE). One place, so a move of the repository is one edit.
 */
export const REPOSITORY_URL = 'https://github.com/portpilot/portpilot';

/** The "New preset" issue form, with the game's name filled in (GitHub prefills a form field from its id). */
export function suggestPresetUrl(name: string): string {
  const params = new URLSearchParams({ template: 'new-preset.yml', title: `Preset: ${name}`, name });
  return `${REPOSITORY_URL}/issues/new?${params}`;
}

/** The options page section where people make their own presets. */
export const OWN_PRESET_PAGE = '/options.html#custom-h';
