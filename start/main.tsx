import { mountApp } from '../ui/mountApp';
import { StartPage } from './StartPage';

mountApp(<StartPage />);
