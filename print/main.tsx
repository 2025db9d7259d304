import { mountApp } from '../ui/mountApp';
import { PrintApp } from '../ui/print/PrintApp';

mountApp(<PrintApp />);
