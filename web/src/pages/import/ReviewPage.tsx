// Review: a source's text with each suggestion highlighted, to accept, merge, edit or reject. The
// page's code loads when the page is first opened, not with the app.
import { Suspense, lazy } from 'react';
import { useParams } from 'react-router';
import { Loading } from '../../components/States.tsx';

const ReviewView = lazy(() => import('./ReviewView.tsx'));

export function ReviewPage() {
  // Another source is another review: its selection and forms start afresh.
  const { id = '' } = useParams();
  return (
    <Suspense fallback={<Loading />}>
      <ReviewView key={id} />
    </Suspense>
  );
}
