import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import { App as AntdApp, ConfigProvider } from "antd";
import zhCNLocale from "antd/locale/zh_CN";
import enUSLocale from "antd/locale/en_US";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ApiError, setUnauthorizedHandler } from "../lib/api.ts";
import { I18nProvider, useI18n } from "../lib/i18n.tsx";
import { replaceSession } from "../features/auth/api/session.ts";

dayjs.locale("zh-cn");

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; a dropped connection might.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}

function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
  return (
    <ConfigProvider
      locale={locale === "zh-CN" ? zhCNLocale : enUSLocale}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#1458c9", borderRadius: 4 } }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

/** Language, antd (locale, theme), and the query cache — everything the routes take for granted. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    // A 401 anywhere means the session ended (idle timeout, logout elsewhere): forget it, and the
    // auth guard sends the user to /login with the current address to come back to.
    setUnauthorizedHandler(() => {
      replaceSession(queryClient, null);
    });
  }, [queryClient]);

  return (
    <I18nProvider>
      <AntdProvider>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntdProvider>
    </I18nProvider>
  );
}
