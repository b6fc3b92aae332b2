import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../../app/i18n/index.ts';
import { fetchHealth, login, type LoginInput } from '../api/auth.ts';
import { isApiError, session, tokenStore } from '../../../app/api/client.ts';
import { meQuery, type LoginLocationState } from '../session.ts';
import { describeError } from '../../../app/ui/describeError.ts';
import { LanguageSwitch } from '../../../app/ui/LanguageSwitch.tsx';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';
import { Redirect, useSearchParams } from 'wouter';
import { navigate, useNavigationState } from '../../../app/routing/router.tsx';
import { usePrefetchRoute } from '../../../app/routing/prefetch.ts';

const DEFAULT_AFTER_LOGIN = '/customers';
const FORM_FIELDS = new Set<string>(['username', 'password', 'tenant']);
/** `cairn serve --demo` seeds these (server/seed/demo.ts); used for the hint under `vite dev` only. */
const DEV_DEMO_ACCOUNT = { username: 'admin', password: 'cairn-demo' };

/** Only same-app paths, never `//host` or absolute URLs. */
const safeTarget = (from: string | undefined) =>
  from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : DEFAULT_AFTER_LOGIN;

export default function LoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const prefetchRoute = usePrefetchRoute();
  const [form] = Form.useForm<LoginInput>();
  const [needTenant, setNeedTenant] = useState(false);
  const state = useNavigationState<LoginLocationState>() ?? {};
  const expired = state.reason === 'expired' || searchParams.has('expired') || session.expired;
  const target = safeTarget(state.from);
  useDocumentTitle(t('login.title'));

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: () => {
      session.expired = false;
      // /me carries the permissions the shell needs; it loads alongside the next screen.
      queryClient.removeQueries({ queryKey: meQuery.queryKey });
      void queryClient.prefetchQuery(meQuery);
      void prefetchRoute(target.split('?')[0]!).catch(() => undefined);
      navigate(target, { replace: true });
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      const fields = error.fields.filter((f) => FORM_FIELDS.has(f.path));
      if (fields.some((f) => f.path === 'tenant')) setNeedTenant(true);
      form.setFields(
        fields.map((f) => ({
          name: f.path as keyof LoginInput,
          errors: [f.path === 'tenant' ? t('login.tenantHint') : f.message],
        })),
      );
    },
  });

  if (tokenStore.get() && !mutation.isPending && !mutation.isSuccess) return <Redirect to={target} replace />;

  // A field error is shown on its field; only other failures get the banner.
  const bannerError =
    mutation.isError && !(isApiError(mutation.error) && mutation.error.fields.some((f) => FORM_FIELDS.has(f.path)));

  return (
    <main className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <section className="login__card" aria-labelledby="login-title">
        <h1 id="login-title" className="login__title">
          {t('login.title')}
        </h1>
        <p className="login__subtitle">{t('login.subtitle')}</p>
        {expired && !mutation.isError && (
          <Alert className="login__alert" type="warning" showIcon role="status" message={t('login.sessionExpired')} />
        )}
        {bannerError && <LoginError error={mutation.error} />}
        <Form<LoginInput>
          form={form}
          layout="vertical"
          requiredMark={false}
          size="large"
          disabled={mutation.isPending}
          onFinish={(values) => mutation.mutate(values)}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {needTenant && (
            <Form.Item
              name="tenant"
              label={t('login.tenant')}
              extra={t('login.tenantHint')}
              rules={[{ required: true, whitespace: true, message: t('login.tenantRequired') }]}
            >
              <Input autoComplete="organization" autoCapitalize="none" autoCorrect="off" spellCheck={false} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <DemoHint onFill={(account) => form.setFieldsValue(account)} />
      </section>
    </main>
  );
}

function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const headline =
    isApiError(error) && error.code === 'UNAUTHENTICATED'
      ? t('login.invalidCredentials')
      : describeError(t, error).headline;
  const detail = describeError(t, error).detail;
  return (
    <Alert
      className="login__alert"
      type="error"
      showIcon
      role="alert"
      message={headline}
      description={detail && detail !== headline ? detail : undefined}
    />
  );
}

/** Shown when /api/health says the server runs with demo data (and always under `vite dev`). */
function DemoHint({ onFill }: { onFill: (account: LoginInput) => void }) {
  const { t } = useTranslation();
  const { data: health } = useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => fetchHealth(signal),
    staleTime: Infinity,
    retry: false,
  });
  if (!health?.demo && !import.meta.env.DEV) return null;
  const account = health?.demoAccount ?? (import.meta.env.DEV ? DEV_DEMO_ACCOUNT : undefined);
  return (
    <Alert
      className="login__demo"
      type="info"
      message={t('login.demoTitle')}
      description={account ? t('login.demoHint', account) : t('login.demoHintGeneric')}
      action={
        account && (
          <Button size="small" onClick={() => onFill(account)}>
            {t('login.fillDemo')}
          </Button>
        )
      }
    />
  );
}
