import { useI18n } from '../context.ts';
import { useTitle } from '../hooks.ts';
import { Link } from '../router.tsx';

export function NotFound() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/events">{t('event.back')}</Link>
      </p>
    </>
  );
}

export function Forbidden() {
  const { t } = useI18n();
  useTitle(t('forbidden.title'));
  return (
    <>
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
    </>
  );
}
