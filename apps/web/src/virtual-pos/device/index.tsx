// The virtual POS (虚拟POS): /pos picks one of the merchant's terminals, /pos/<terminalId> is
// the POS itself. Both need a merchant user's session (else a link to the merchant sign-in).
import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../common/feature.ts';
import { DevicePage } from './DevicePage.tsx';
import { MerchantOnly, TerminalPicker } from './TerminalPicker.tsx';

export const feature: Feature = {
  order: 0,
  routes: (parent) => {
    const device = createRoute({
      getParentRoute: () => parent,
      path: '$terminalId',
      component: function VirtualPos() {
        const { terminalId } = device.useParams();
        return (
          <MerchantOnly back={`/pos/${terminalId}`}>
            <DevicePage terminalId={terminalId} />
          </MerchantOnly>
        );
      },
    });
    const picker = createRoute({
      getParentRoute: () => parent,
      path: '/',
      component: TerminalPicker,
    });
    return [picker, device];
  },
};
