import { useEffect, useState } from 'react';
import { watchLocalReports, type LocalReport } from '../../db/catalog.ts';

/** The device catalogue, live; null until first read. */
export function useLocalReports(): LocalReport[] | null {
  const [reports, setReports] = useState<LocalReport[] | null>(null);
  useEffect(() => watchLocalReports(setReports), []);
  return reports;
}
