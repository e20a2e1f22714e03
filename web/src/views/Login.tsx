// The login page: e-mail and password → session cookie and CSRF token.
import { useState } from 'preact/hooks';
import { api } from '../api/endpoints.ts';
import type { Session } from '../api/types.ts';
import { PlainLayout } from '../components/Layout.tsx';
import { ErrorNotice, Field, Notice, valueOf } from '../components/ui.tsx';
import { useI18n } from '../context.ts';
import { useSubmit, useTitle } from '../hooks.ts';

export function Login({ onLogin, loggedOut }: { onLogin: (s: Session) => void; loggedOut: boolean }) {
  const { t } = useI18n();
  useTitle(t('login.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const sub = useSubmit();

  const submit = (e: Event) => {
    e.preventDefault();
    void sub.run(async () => onLogin(await api.session.login(email.trim(), password)));
  };
  // A wrong password is a 401 without a field: say so in plain words.
  const wrong = sub.error?.code === 'unauthenticated';
  return (
    <PlainLayout>
      <section class="card login-card">
        <h1>{t('login.title')}</h1>
        <p class="lead">{t('login.intro')}</p>
        {loggedOut && !sub.error && <Notice kind="success">{t('login.loggedOut')}</Notice>}
        {wrong ? (
          <div class="notice notice-error" role="alert">
            <p>
              <strong>{t('login.failed')}</strong>
            </p>
          </div>
        ) : (
          <ErrorNotice error={sub.error} />
        )}
        <form onSubmit={submit} class="form" noValidate>
          <Field id="login-email" label={t('login.email')} error={sub.fieldError('email')}>
            {(a) => (
              <input {...a} type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(valueOf(e))} />
            )}
          </Field>
          <Field id="login-password" label={t('login.password')}>
            {(a) => (
              <input
                {...a}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onInput={(e) => setPassword(valueOf(e))}
              />
            )}
          </Field>
          <div class="form-actions">
            <button type="submit" class="button-primary" disabled={sub.busy || !email || !password}>
              {t('login.submit')}
            </button>
          </div>
        </form>
      </section>
    </PlainLayout>
  );
}
