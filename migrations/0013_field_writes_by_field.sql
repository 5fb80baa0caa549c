-- A cycle's order is recomputed from every decision's rank write for that cycle ('rank:<cycle
-- uid>'); the primary key leads with the decision, so finding them by field scanned every write.
CREATE INDEX field_writes_by_field ON field_writes(entity, field, entity_uid);
