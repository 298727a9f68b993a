// Review: a source's text with each suggestion highlighted, to accept, merge, edit or reject. The
// page's code loads when the page is first opened, not with the app.
import { Suspense, lazy } from 'react';
import { Loading } from '../../components/States.tsx';

const ReviewView = lazy(() => import('./ReviewView.tsx'));

export function ReviewPage() {
  return (
    <Suspense fallback={<Loading />}>
      <ReviewView />
    </Suspense>
  );
}
