// First: zod must be jitless before any schema is built (no eval under the CSP).
import './zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RoomView } from './components/presenter/RoomView';
import { isRoomHash } from './routes';
import './styles.css';
import './presenter.css';

// A room view window (#/room) shows only the room view: no navigation, no page keys.
createRoot(document.getElementById('root')!).render(
  <StrictMode>{isRoomHash(window.location.hash) ? <RoomView /> : <App />}</StrictMode>,
);
