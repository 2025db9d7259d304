import { mountApp } from '../ui/mountApp';
import { App } from './App';

mountApp(<App />);
