#!/usr/bin/env bash
# Trains the entity tagger (extract/tagger.h) and writes its model, data/ner-model.bin,
# from the CoNLL-2003 English train split beside the project (../shared; never copied
# into the repository). Needs a built newsfacet-eval (scripts/setup.sh). The features
# read the embedded name lists and gazetteer, so retrain after changing data/*.tsv;
# rebuild afterwards to embed the new model. Training is deterministic.
#   scripts/train-ner.sh [TRAIN_FILE]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
train=${1:-../shared/devsets/conll2003/train.txt}
eval_bin=${NEWSFACET_BUILD_DIR:-build}/bin/newsfacet-eval
[[ -r $train ]] || { echo "train-ner: cannot read $train (the CoNLL-2003 train split)" >&2; exit 1; }
[[ -x $eval_bin ]] || { echo "train-ner: $eval_bin is missing; run scripts/setup.sh first" >&2; exit 1; }
"$eval_bin" train-ner "$train" --out data/ner-model.bin --epochs 8 --max-features 75000
echo "train-ner: now rebuild (cmake --build build) to embed data/ner-model.bin" >&2
