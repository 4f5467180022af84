-- Two more channels the author chooses: the bulletin as an article on the commune's Zalo page (whole communes or the
-- province), and the broadcast of that article to the pages' followers (province-wide bulletins only).
ALTER TABLE bulletins.bulletins
    ADD COLUMN to_article   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN to_broadcast BOOLEAN NOT NULL DEFAULT FALSE;
