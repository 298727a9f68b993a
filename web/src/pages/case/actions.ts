// What any part of the case page can ask of the page: open a record's form, or show a source.
import { createContext, useContext } from 'react';
import type { EditTarget } from '../../forms/RecordEditor.tsx';
import type { SourceFocus } from './SourceViewer.tsx';

export interface CaseActions {
  caseId: string;
  canEdit: boolean;
  edit: (target: EditTarget) => void;
  showSource: (focus: SourceFocus) => void;
}

export const CaseActionsContext = createContext<CaseActions | null>(null);

export function useCaseActions(): CaseActions {
  const actions = useContext(CaseActionsContext);
  if (!actions) throw new Error('useCaseActions outside a case page');
  return actions;
}
