import { useMemo } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ServicesContext, type Services } from '../api/context';
import { resolveApi, resolveShell } from '../api/client';
import { SaveQueue } from '../logic/save-queue';
import { theme } from './theme';
import { App } from './App';

export function Root() {
  const services = useMemo<Services>(() => {
    const api = resolveApi();
    return { api, shell: resolveShell(), saves: new SaveQueue({ save: (r) => api.saveReport(r) }) };
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
