// The web app's entry: Mantine's theme, TanStack Query's cache, and the routes.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { Notifications } from '@mantine/notifications';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { ApiError } from './api.ts';
import { Shell } from './components/Shell.tsx';
import { PageCrashed } from './components/States.tsx';
import { CasePage } from './pages/case/CasePage.tsx';
import { CasesPage } from './pages/CasesPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { AdminPage } from './pages/admin/AdminPage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';
import { ReviewPage } from './pages/import/ReviewPage.tsx';
import { SearchPage } from './pages/search/SearchPage.tsx';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps links and filled buttons above WCAG AA contrast on white.
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  autoContrast: true,
});

const resolver: CSSVariablesResolver = () => ({
  variables: {},
  // Error text dark enough for WCAG AA on white (the default red-6 is 3.6:1).
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-body': '#f8f9fa', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});

const client = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage />, errorElement: <PageCrashed /> },
  {
    element: <Shell />,
    errorElement: <PageCrashed />,
    children: [
      { path: '/', element: <OverviewPage /> },
      { path: '/cases', element: <CasesPage /> },
      { path: '/cases/:id', element: <CasePage /> },
      { path: '/search', element: <SearchPage /> },
      { path: '/import', element: <ImportPage /> },
      { path: '/sources/:id/review', element: <ReviewPage /> },
      { path: '/admin/*', element: <AdminPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={resolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
