import { useMemo } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ServicesContext, type Services } from '../api/context';
import { resolveApi, resolveShell } from '../api/client';
import { Connection } from '../api/connection';
import { SaveQueue } from '../logic/save-queue';
import { theme } from './theme';
import { App } from './App';

export function Root() {
  const services = useMemo<Services>(() => {
    let connection: Connection | null = null;
    const api = resolveApi((state) => connection?.report(state));
    const saves = new SaveQueue({ save: (r) => api.saveReport(r) });
    // Browser mode: when the server answers again (restarted), what waited is saved at once.
    if (!window.nianbao)
      connection = new Connection(
        () => api.appInfo(),
        () => void saves.flush(),
      );
    return { api, shell: resolveShell(), saves, connection };
  }, []);
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ServicesContext.Provider value={services}>
          <App />
        </ServicesContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
