// Where the desktop menu's commands land in the page (renderer/desktopCommands.ts): the ids set on
// the fields and the button, and the event that opens the shortcuts dialog. Apart from the
// commands so the components that carry an id import nothing else.

export const COMMAND_TARGETS = {
  import: 'import-folder',
  'new-cycle': 'new-cycle-name',
  'export-minutes': 'export-minutes-pdf',
} as const;

/** Asks the presenter host for the `?` dialog (renderer/components/presenter/PresenterHost.tsx). */
export const SHORTCUTS_EVENT = 'planroom:shortcuts';
