import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { App as AntApp, Modal } from 'antd';
import { useServices } from '../api/context';
import { LibraryScreen } from '../library/LibraryScreen';
import { dispatchCommand, useCommandHandler } from './commands';
import { navigate, useRoute } from './router';
import { AggregateScreen, BatchScreen, EditorScreen, ImportScreen, LazyScreen } from './lazy-screens';
import { useImportActions } from '../import/useImportActions';
import { useFileDropGuard } from '../import/FileDrop';
import { ConnectionBanner } from './ConnectionBanner';

export function App() {
  const route = useRoute();
  const { shell, saves } = useServices();
  const { message } = AntApp.useApp();
  const [docTitle, setDocTitle] = useState('');
  const [banner, setBanner] = useState(false);
  const save = useSyncExternalStore(
    useCallback((cb: () => void) => saves.subscribe(cb), [saves]),
    () => saves.getState(),
  );
  const title =
    route.screen === 'library'
      ? '年报库'
      : route.screen === 'import'
        ? '导入预览'
        : route.screen === 'batch'
          ? '批量检查'
          : route.screen === 'aggregate'
            ? '汇总下级单位'
            : docTitle;
  const imports = useImportActions();
  useFileDropGuard();

  // The window title, and for the desktop shell whether something is unsaved (it guards closing;
  // after its 保存 it waits for dirty: false, on any screen).
  useEffect(() => {
    document.title = title ? `${title} — 年报编制助手` : '年报编制助手';
    shell?.setDocumentState({ dirty: save.status !== 'saved', title });
  }, [shell, save.status, title]);

  // Menu commands of the desktop shell; reports it opened by itself (double-click on a file).
  useEffect(() => {
    if (!shell) return;
    const offMenu = shell.onMenuCommand((c) => dispatchCommand(c));
    const offOpened = shell.onReportOpened((id) => navigate({ screen: 'editor', id, page: 'cover' }));
    return () => {
      offMenu();
      offOpened();
    };
  }, [shell]);

  // Browser mode: the same shortcuts as the desktop menu (the browser would otherwise save the page).
  useEffect(() => {
    if (shell) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        dispatchCommand('save');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shell]);

  // Save at once when the window is hidden or left (both modes); in browser mode also warn before
  // closing the tab with an unsaved change (Electron's close guard asks the clerk itself).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!saves.dirty) return;
      void saves.flush();
      if (!shell) e.preventDefault();
    };
    const onHide = () => void saves.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && void saves.flush();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [shell, saves]);

  // What no screen handled.
  useCommandHandler((command) => {
    switch (command) {
      case 'library':
        navigate({ screen: 'library' });
        return true;
      case 'new-report':
        navigate({ screen: 'library', create: true });
        return true;
      case 'save':
        void saves.flush();
        return true;
      case 'about':
        Modal.info({
          title: '年报编制助手',
          content: '政府信息公开工作年度报告编制助手：按国办公开办函〔2021〕30号格式填报、实时校验、导出。',
          okText: '知道了',
        });
        return true;
      case 'import-file':
        void imports.pickAndImport();
        return true;
      case 'open-file':
        void imports.openFile();
        return true;
      case 'export':
      case 'save-as':
      case 'preview':
        // The editor handles these for the report it shows.
        void message.info(
          command === 'preview'
            ? '请先打开一份年报，再预览。'
            : command === 'export'
              ? '请先打开一份年报，再导出。'
              : '请先打开一份年报，再另存为。',
        );
        return true;
      default:
        return false;
    }
  });

  return (
    <div className={banner ? 'app-root has-banner' : 'app-root'}>
      <ConnectionBanner onShown={setBanner} />
      <div className="screen-slot">
        {route.screen === 'library' ? (
          <LibraryScreen openCreate={route.create === true} />
        ) : (
          <LazyScreen>
            {route.screen === 'import' ? (
              <ImportScreen />
            ) : route.screen === 'batch' ? (
              <BatchScreen />
            ) : route.screen === 'aggregate' ? (
              <AggregateScreen key={route.id} id={route.id} />
            ) : (
              <EditorScreen key={route.id} id={route.id} page={route.page} onTitle={setDocTitle} />
            )}
          </LazyScreen>
        )}
      </div>
    </div>
  );
}
