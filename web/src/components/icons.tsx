import type { SVGProps } from 'react';

/** A few outline icons for the navigation, inline so the tab bar costs no icon package. */
function Icon({ d, ...props }: SVGProps<SVGSVGElement> & { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      <path d={d} />
    </svg>
  );
}

export const CustomersIcon = (p: SVGProps<SVGSVGElement>) => (
  <Icon {...p} d="M16 19v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 17.5V19M10 10.5a3 3 0 1 0 0-6 3 3 0 0 0 0 6M20 19v-1.5a3.5 3.5 0 0 0-2.5-3.35M15 4.6a3 3 0 0 1 0 5.8" />
);
export const FollowupsIcon = (p: SVGProps<SVGSVGElement>) => (
  <Icon {...p} d="M20 12a8 8 0 0 1-11.6 7.1L4 20l1-4.2A8 8 0 1 1 20 12ZM8.5 12h.01M12 12h.01M15.5 12h.01" />
);
export const TodosIcon = (p: SVGProps<SVGSVGElement>) => (
  <Icon {...p} d="M9 11l3 3 8-8M20 12v6a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h9" />
);
export const MeIcon = (p: SVGProps<SVGSVGElement>) => (
  <Icon {...p} d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4 20a8 8 0 0 1 16 0" />
);
export const MenuIcon = (p: SVGProps<SVGSVGElement>) => <Icon {...p} d="M4 6h16M4 12h16M4 18h16" />;
