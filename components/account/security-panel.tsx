import { ChangePasswordForm } from "@/components/account/change-password-form";
import { MfaCodeForm, MfaSetup } from "@/components/account/mfa-setup";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import type { ActionResult } from "@/lib/http/action-result";
import type { Actor } from "@/lib/auth/session";
import { getMfaStatus } from "@/lib/db/mfa";

type Act<T> = (raw: unknown) => Promise<ActionResult<T>>;
export interface SecurityActions {
  start: Act<{ secret: string; uri: string; qrSvg: string }>;
  confirm: Act<{ codes: string[] }>;
  regenerate: Act<{ codes: string[] }>;
  disable: Act<unknown>;
  changePassword: Act<unknown>;
}

/** The signed-in user's password and two-step verification: change the password; set up, renew or turn off two-step. Staff and client viewers alike. */
export async function SecurityPanel({ actor, actions }: { actor: Actor; actions: SecurityActions }) {
  const status = await getMfaStatus(actor);
  return (
    <>
      <PageHeader title="Account security" description={`${actor.name} · ${actor.email}`} />
      <div className="max-w-2xl space-y-6">
        {actor.mfaSetupRequired ? (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {actor.organizationName} requires two-step verification for its staff. Set it up to continue: the rest of Vetta opens once it is on.
          </p>
        ) : null}
        <Card title="Two-step verification" action={status.enabledAt ? <Badge tone="green">On</Badge> : <Badge tone="amber">Off</Badge>}>
          {status.enabledAt ? (
            <div className="space-y-6 text-sm">
              <p>
                On since {status.enabledAt.toISOString().slice(0, 10)}. Signing in asks for a code from your authenticator app. You have{" "}
                <strong data-testid="recovery-codes-left">{status.recoveryCodesLeft}</strong> unused recovery code{status.recoveryCodesLeft === 1 ? "" : "s"}.
              </p>
              <MfaCodeForm
                title="New recovery codes"
                description="Your old recovery codes stop working. Enter a current code from your app to confirm."
                submitLabel="Make new recovery codes"
                action={actions.regenerate}
              />
              {status.required ? (
                <p className="text-slate-600">Your organisation requires two-step verification, so it cannot be turned off. If you lose your device, an admin can reset it.</p>
              ) : (
                <MfaCodeForm title="Turn off" description="Signing in will ask for your password only." submitLabel="Turn off two-step verification" danger action={actions.disable} />
              )}
            </div>
          ) : (
            <MfaSetup start={actions.start} confirm={actions.confirm} />
          )}
        </Card>
        <Card title="Password">
          <ChangePasswordForm action={actions.changePassword} />
        </Card>
      </div>
    </>
  );
}
