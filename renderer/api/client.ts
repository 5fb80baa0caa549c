// The renderer's API client: IPC through the preload in Electron, HTTP to the host in browser
// mode. Both return the contract's typed result; callers never see transport details.
import type { ApiInput, ApiName, ApiOutput, ApiResult } from '../../shared/api';

export async function call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResult<ApiOutput<K>>> {
  try {
    if (window.planroom) return (await window.planroom.call(name, input)) as ApiResult<ApiOutput<K>>;
    const res = await fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await res.json()) as ApiResult<ApiOutput<K>>;
  } catch (e) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `Cannot reach Planroom: ${e instanceof Error ? e.message : String(e)}`,
        hint: 'Is the Planroom window or `planroom serve` still running?',
      },
    };
  }
}
