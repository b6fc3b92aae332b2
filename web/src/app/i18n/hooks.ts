import { useCallback } from 'react';
import { useTranslation, type EnumGroup, type MessageKey } from './index.ts';

/** Label for a value from common/enums.ts; unknown values fall back to the raw value, missing ones to null. */
export function useEnumLabel(): (group: EnumGroup, value: string | null | undefined) => string | null {
  const { t } = useTranslation();
  return useCallback(
    (group, value) => (value ? t(`enum.${group}.${value}` as MessageKey, { defaultValue: value }) : null),
    [t],
  );
}
