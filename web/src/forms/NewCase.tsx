// The New case button and its dialog; the form's code loads when it is first opened.
import { Button, Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { Loading } from '../components/States.tsx';
import { t } from '../strings/index.ts';

const s = t.records;
const NewCaseForm = lazy(() => import('./NewCaseForm.tsx').then((m) => ({ default: m.NewCaseForm })));

export function NewCaseButton() {
  const [opened, setOpened] = useState(false);
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <>
      <Button onClick={() => setOpened(true)}>{s.newCase}</Button>
      <Modal opened={opened} closeButtonProps={{ 'aria-label': t.common.close }} onClose={() => setOpened(false)} fullScreen={phone} size="lg" title={s.newCaseTitle}>
        {opened && <Suspense fallback={<Loading />}><NewCaseForm onClose={() => setOpened(false)} /></Suspense>}
      </Modal>
    </>
  );
}
