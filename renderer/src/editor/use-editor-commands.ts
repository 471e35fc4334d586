import { useEffect } from 'react';
import { useCommandHandler } from '../app/commands';
import { navigate } from '../app/router';

/** Whether a key event belongs to a text box (its own undo applies there). */
export function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.closest('.gtable')) return el.tagName === 'INPUT';
  return (
    el.tagName === 'TEXTAREA' ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox') ||
    el.isContentEditable
  );
}

export interface EditorCommandHandlers {
  id: string;
  hasReport(): boolean;
  history(which: 'undo' | 'redo'): void;
  save(): void;
  exportNow(): void;
  saveAs(): void;
}

/**
 * The editor's share of the menu commands and shortcuts: Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z outside
 * text boxes (inside them the text box undoes the typing), save, preview, export, 另存为.
 */
export function useEditorCommands(h: EditorCommandHandlers): void {
  const { history } = h;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      const isUndo = k === 'z' && !e.shiftKey;
      const isRedo = k === 'y' || (k === 'z' && e.shiftKey);
      if (!isUndo && !isRedo) return;
      if (inTextField(e.target)) return;
      e.preventDefault();
      history(isUndo ? 'undo' : 'redo');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history]);

  useCommandHandler((command) => {
    switch (command) {
      case 'save':
        h.save();
        return true;
      case 'undo':
      case 'redo':
        if (inTextField(document.activeElement)) {
          document.execCommand(command);
          return true;
        }
        history(command);
        return true;
      case 'preview':
        navigate({ screen: 'editor', id: h.id, page: 'preview' });
        return true;
      case 'export':
        if (h.hasReport()) h.exportNow();
        return true;
      case 'save-as':
        if (h.hasReport()) h.saveAs();
        return true;
      case 'library':
        navigate({ screen: 'library' });
        return true;
      default:
        return false;
    }
  });
}
