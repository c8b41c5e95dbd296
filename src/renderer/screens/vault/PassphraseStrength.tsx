// The strength meter under a new passphrase: five steps, a word, and why a weak one is
// refused. zxcvbn-ts loads on the first keystroke; until then the meter says so.
import { Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { loadStrength, MIN_SCORE, type StrengthScore } from './strength';

const LABELS: Record<StrengthScore, MessageKey> = {
  0: 'shell.strength.0',
  1: 'shell.strength.1',
  2: 'shell.strength.2',
  3: 'shell.strength.3',
  4: 'shell.strength.4',
};
const COLORS: Record<StrengthScore, string> = {
  0: '#cf1322',
  1: '#d4380d',
  2: '#d48806',
  3: '#389e0d',
  4: '#237804',
};

/** Reports the score (null while loading or empty) to the form that decides. */
export function usePassphraseScore(passphrase: string): StrengthScore | null {
  const [score, setScore] = useState<StrengthScore | null>(null);
  useEffect(() => {
    if (passphrase === '') {
      setScore(null);
      return;
    }
    let current = true;
    void loadStrength()
      .then((estimate) => {
        if (current) setScore(estimate(passphrase, ['dossier', 'vault', '资料保险箱']));
      })
      .catch(() => {
        if (current) setScore(null);
      });
    return () => {
      current = false;
    };
  }, [passphrase]);
  return passphrase === '' ? null : score;
}

export function PassphraseStrength({
  passphrase,
  score,
}: {
  passphrase: string;
  score: StrengthScore | null;
}) {
  const { t } = useI18n();
  if (passphrase === '')
    return <Typography.Text type="secondary">{t('shell.strength.hint')}</Typography.Text>;
  if (score === null)
    return <Typography.Text type="secondary">{t('shell.strength.loading')}</Typography.Text>;
  return (
    <div data-testid="passphrase-strength" data-score={score}>
      <Progress
        percent={(score + 1) * 20}
        steps={5}
        showInfo={false}
        strokeColor={COLORS[score]}
        size="small"
      />{' '}
      <Typography.Text>{t(LABELS[score])}</Typography.Text>
      {score < MIN_SCORE && (
        <div>
          <Typography.Text type="secondary">{t('shell.strength.tooWeak')}</Typography.Text>
        </div>
      )}
    </div>
  );
}
