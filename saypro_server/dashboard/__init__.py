"""The L&D office's web dashboard (saypro_server.dashboard.pages), served by the sync server."""
