/**
 * The wizard's two live loops: sentence → form (the reader parses the sentence once typing pauses)
 * and form → SMART panel (the goal is graded once editing pauses, and again in another language).
 * A newer request makes the answers of older ones moot (a sequence number).
 */
import type { FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/form-errors.ts';
import { type GoalFormValues, toFormValues, toGoalInput } from './goal-form.ts';
import { type GoalWithGrading, type Grading, goalsApi } from './goals-api.ts';

const DEBOUNCE_MS = 500;

export function useGoalReader(form: FormInstance<GoalFormValues>, companyId: string) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [statement, setStatement] = useState('');
  const [toParse, setToParse] = useState<{ text: string; at: number } | null>(null);
  const [gradeTick, setGradeTick] = useState(0);
  const [grading, setGrading] = useState<Grading | null>(null);
  const [busy, setBusy] = useState<'parse' | 'grade' | null>(null);
  const [liveError, setLiveError] = useState<string | null>(null);
  const seq = useRef(0);
  const regrade = () => setGradeTick((n) => n + 1);

  // Sentence → form.
  useEffect(() => {
    if (!toParse?.text.trim()) return;
    const handle = window.setTimeout(() => {
      const mine = ++seq.current;
      setBusy('parse');
      goalsApi
        .parse(companyId, toParse.text)
        .then((parsed) => {
          if (mine !== seq.current) return;
          const current = form.getFieldsValue(true) as GoalFormValues;
          const next = toFormValues(parsed.draft, true);
          // What a sentence cannot say (owner, objective, notes) stays as chosen.
          if (!next.ownerUserId) next.ownerUserId = current.ownerUserId ?? null;
          if (!next.objectiveId) next.objectiveId = current.objectiveId ?? null;
          if (!next.notes) next.notes = current.notes ?? '';
          if (!next.metric && current.metric) next.metric = current.metric;
          // Names the data does not hold stay in the scope as written, so that every later grading
          // still says they are unknown (and offers the closest names) until one is chosen.
          for (const u of parsed.grading.unknownScope) {
            const names = next.scope?.[u.dimension] ?? [];
            if (!names.includes(u.name)) next.scope = { ...next.scope, [u.dimension]: [...names, u.name] };
          }
          form.setFieldsValue(next);
          setGrading(parsed.grading);
          setLiveError(null);
          // An owner or objective kept from before changes the grade: grade the merged goal.
          if (next.ownerUserId || next.objectiveId) setGradeTick((n) => n + 1);
        })
        .catch((e: unknown) => {
          if (mine === seq.current) setLiveError(errorMessage(e, t));
        })
        .finally(() => {
          if (mine === seq.current) setBusy(null);
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(handle);
  }, [toParse, companyId, form, t]);

  // Form → SMART panel. The sentence is read when the timer fires: a new sentence is parsed (and
  // graded) on its own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: statement is read, not a trigger
  useEffect(() => {
    if (gradeTick === 0) return;
    const handle = window.setTimeout(() => {
      const input = toGoalInput(form.getFieldsValue(true) as GoalFormValues, statement);
      if (!input) return;
      const mine = ++seq.current;
      setBusy('grade');
      goalsApi
        .grade(companyId, input)
        .then((g) => {
          if (mine === seq.current) {
            setGrading(g);
            setLiveError(null);
          }
        })
        .catch((e: unknown) => {
          if (mine === seq.current) setLiveError(errorMessage(e, t));
        })
        .finally(() => {
          if (mine === seq.current) setBusy(null);
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(handle);
  }, [gradeTick, companyId, form, t]);

  // The panel's messages come from the server in the request's language.
  const lastLang = useRef(lang);
  useEffect(() => {
    if (lastLang.current === lang) return;
    lastLang.current = lang;
    setGradeTick((n) => n + 1);
  }, [lang]);

  return {
    statement,
    grading,
    busy,
    liveError,
    /** The user wrote (or took) a sentence: it is read once typing pauses. */
    write: (text: string) => {
      setStatement(text);
      setToParse({ text, at: Date.now() });
    },
    /** The form changed: grade it once editing pauses. */
    regrade,
    /** A saved goal was loaded: its sentence and its grading as saved. */
    showSaved: (g: GoalWithGrading) => {
      setStatement(g.statement);
      setGrading(g.grading);
    },
  };
}

export type GoalReader = ReturnType<typeof useGoalReader>;
