import { mountApp } from '../ui/mountApp';
import { PrintApp } from './view/PrintApp';

mountApp(<PrintApp />);
