-- Search finds words typed without their accents ("platnosc" finds "Płatność"): the trigram
-- index folds diacritics, and Polish ł, which has none in Unicode, is indexed as l. The index
-- keeps no copy of the text (contentless); snippets are cut from `messages` by the server.
DROP TRIGGER `messages_fts_insert`;--> statement-breakpoint
DROP TRIGGER `messages_fts_delete`;--> statement-breakpoint
DROP TRIGGER `messages_fts_update`;--> statement-breakpoint
DROP TABLE `messages_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `messages_fts` USING fts5(`text`, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');--> statement-breakpoint
INSERT INTO `messages_fts`(rowid, `text`) SELECT `id`, replace(replace(`text`, 'ł', 'l'), 'Ł', 'L') FROM `messages`;--> statement-breakpoint
CREATE TRIGGER `messages_fts_insert` AFTER INSERT ON `messages` BEGIN
  INSERT INTO `messages_fts`(rowid, `text`) VALUES (new.`id`, replace(replace(new.`text`, 'ł', 'l'), 'Ł', 'L'));
END;--> statement-breakpoint
CREATE TRIGGER `messages_fts_delete` AFTER DELETE ON `messages` BEGIN
  DELETE FROM `messages_fts` WHERE rowid = old.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF `text` ON `messages` BEGIN
  DELETE FROM `messages_fts` WHERE rowid = old.`id`;
  INSERT INTO `messages_fts`(rowid, `text`) VALUES (new.`id`, replace(replace(new.`text`, 'ł', 'l'), 'Ł', 'L'));
END;
