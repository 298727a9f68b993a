// A short message in the corner ("Saved."), with a close button that says what it does.
import { notifications } from '@mantine/notifications';
import { t } from '../strings/index.ts';

export function notify(message: string, color?: string) {
  notifications.show({ message, color, closeButtonProps: { 'aria-label': t.common.close } });
}
