// Import: drop files, paste text or give a URL; progress while extraction runs. The page's code
// (with the dropzone) loads when the page is first opened, not with the app.
import { Suspense, lazy } from 'react';
import { Loading } from '../../components/States.tsx';

const ImportView = lazy(() => import('./ImportView.tsx'));

export function ImportPage() {
  return (
    <Suspense fallback={<Loading />}>
      <ImportView />
    </Suspense>
  );
}
