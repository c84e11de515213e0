# ruff: noqa: RUF001
# (RUF001: the Chinese texts use full-width punctuation, as written Chinese does.)
"""The findings' words, in English and Chinese: what was seen, and what the debugging guide advises.

Each entry is ``text id -> (message, advice)`` per language (the text id is the rule's id, or a
variant of it such as ``ratio_spike_lr``); ``{placeholders}`` are filled from the finding's
evidence. The advice cites the point of the debugging guide (the seed's README, section 5,
"what the charts mean") it comes from.
"""

from __future__ import annotations

from string import Formatter
from typing import Any, Final

__all__ = ["TEXTS", "render"]

_SCORE = "debugging guide: score vs iteration"
_RATIO = "debugging guide: update:parameter ratio"
_ACTS = "debugging guide: layer activations over time"
_PARAMS = "debugging guide: parameter histograms"
_UPDATES = "debugging guide: update histograms"

TEXTS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "en": {
        "score_nonfinite": (
            "The score became {value} at iteration {first}.",
            "A NaN or infinite loss usually follows exploding updates, or a loss that computes log(0) or 0 * log(0): "
            "use the framework's fused loss (cross_entropy, binary_cross_entropy_with_logits), lower the learning "
            f"rate, clip gradients, check the labels ({_SCORE}).",
        ),
        "tensor_nonfinite": (
            "The {kind} of {parameter} hold {count} NaN or infinite values (of {total}) at iteration {first}.",
            "Non-finite values spread to the whole network within a few steps: lower the learning rate, clip "
            f"gradients, normalise the inputs, check the loss ({_PARAMS}: parameters drifting to +/- infinity).",
        ),
        "score_rising": (
            "The score has been rising since iteration {first}: from {best:.4g} (its best) to {level:.4g}.",
            "A score that rises steadily usually means the learning rate is too high, or the data is badly "
            f"normalised (or not shuffled): lower the rate until the score is stable ({_SCORE}).",
        ),
        "score_exploding": (
            "The score exploded: {level:.4g}, {times:.3g} times its start ({start:.4g}).",
            "The learning rate is far too high, or gradients explode: lower it, clip gradients, check the weight "
            f"initialisation and the inputs' scale ({_SCORE}).",
        ),
        "score_flat": (
            "The score is flat: it fell {gain_pct:.2g} % in the {span} iterations since {first} ({start:.4g} -> "
            "{level:.4g}) and hardly moved since the start.",
            "A flat score, or one falling very slowly over hundreds of iterations, means the learning rate is too "
            f"low or the optimizer is struggling: raise the rate, or try Nesterov momentum, RMSProp or Adagrad/Adam "
            f"instead of plain SGD ({_SCORE}).",
        ),
        "score_noisy": (
            "The score jumps a lot from one iteration to the next: by {jump:.3g} typically (the median), "
            "{noise_pct:.3g} % of how far it came down (or of its level).",
            "Large jumps between iterations point to too high a learning rate, unnormalised inputs, data that is "
            f"not shuffled (each minibatch one class), or very small minibatches ({_SCORE}).",
        ),
        "score_noisy_small_batches": (
            "The score jumps a lot from one iteration to the next: by {jump:.3g} typically (the median), "
            "{noise_pct:.3g} % of how far it came down (or of its level), with minibatches of {batch:.3g} examples.",
            "Very small minibatches make the score noisy and can hurt optimisation: use larger minibatches (or "
            f"accumulate gradients), or lower the learning rate to match ({_SCORE}).",
        ),
        "ratio_high": (
            "Updates of {parameter} are large: log10 update:parameter ratio {ratio:.2f} (above {limit:g}) since "
            "iteration {first}.",
            "About -3 (1:1000) is a healthy start; far above -2 the parameters are unstable: lower the learning "
            f"rate (for this layer if it alone is high), or revisit its initialisation ({_RATIO}).",
        ),
        "ratio_low": (
            "Updates of {parameter} are tiny: log10 update:parameter ratio {ratio:.2f} (below {limit:g}) since "
            "iteration {first}.",
            "Far below -4 the parameters change too slowly to learn: raise the learning rate (for this layer if it "
            f"alone is low), check for vanishing gradients or dead units upstream ({_RATIO}).",
        ),
        "ratio_spike": (
            "The update:parameter ratio of {parameter} jumped {jump:.2f} decades (to {ratio:.2f}) at iteration "
            "{first}.",
            "A sudden rise of the ratio can mean exploding gradients: clip or normalise gradients (recurrent nets "
            f"especially), lower the learning rate, check the inputs ({_RATIO}; {_UPDATES}).",
        ),
        "ratio_spike_lr": (
            "The update:parameter ratio of {parameter} jumped {jump:.2f} decades (to {ratio:.2f}) at iteration "
            "{first}, as the learning rate rose from {lr_before:.3g} to {lr:.3g}.",
            "The new learning rate makes updates far larger than the rule of thumb (1:1000): lower it, or raise it "
            f"gradually (warm-up) while watching the ratio ({_RATIO}).",
        ),
        "activations_vanishing": (
            "Outputs of {layer} are small: stdev {stdev:.3g} (the guide's range is {low:g} to {high:g}) since "
            "iteration {first}.",
            "Vanishing activations point to the weight initialisation, too much regularisation or unnormalised "
            "data: use an initialisation made for the activation (He for ReLU, Xavier for tanh), lower L2 / weight "
            "decay, normalise inputs; all-zero ReLU outputs mean dead units (negative biases, a too high rate) "
            f"({_ACTS}).",
        ),
        "activations_exploding": (
            "Outputs of {layer} are large: stdev {stdev:.3g} (the guide's range is {low:g} to {high:g}) since "
            "iteration {first}.",
            "Exploding activations point to the weight initialisation, unnormalised data or too high a learning "
            f"rate: normalise the inputs, scale the initialisation down, lower the rate ({_ACTS}).",
        ),
        "dead_units": (
            "{dead} of {units} units of {layer} ({percent:.0f} %) output 0 for every example of the batch since "
            "iteration {first}.",
            "Dead ReLU units get no gradient and do not come back: lower the learning rate (one large update can "
            "push a bias far negative), initialise with He initialisation and biases at 0 or slightly positive, "
            f"normalise the inputs, or use LeakyReLU / ELU ({_ACTS}).",
        ),
        "activations_exploding_pre": (
            "Inputs of {layer} are large: the outputs of {pre} have stdev {pre_stdev:.3g} since iteration {first} "
            "(the guide's range is {low:g} to {high:g} after the activation; {layer} passes on {stdev:.3g}).",
            "Exploding activations point to the weight initialisation, unnormalised data or too high a learning "
            f"rate: normalise the inputs, scale the initialisation down, lower the rate ({_ACTS}).",
        ),
        "param_growth": (
            "{parameter} is drifting away: mean magnitude {now:.3g}, {times:.3g} times its start ({start:.3g}).",
            "Parameters drifting towards +/- infinity mean too high a learning rate or too little regularisation: "
            f"lower the rate, add L2 / weight decay ({_PARAMS}).",
        ),
        "param_collapse": (
            "{parameter} is collapsing: mean magnitude {now:.3g}, {times:.3g} of its start ({start:.3g}).",
            "Weights shrinking towards zero mean too much regularisation: lower L2 / weight decay, so that the "
            f"data's gradients can hold the weights up ({_PARAMS}; {_ACTS}: too much regularisation).",
        ),
        "bias_large": (
            "The output bias {parameter} is large: largest magnitude {peak:.3g} (above {limit:g}) since iteration "
            "{first}.",
            "Very large output biases can come from very unbalanced classes (or unnormalised regression targets): "
            f"rebalance or weight the classes, normalise the targets ({_PARAMS}).",
        ),
    },
    "zh": {
        "score_nonfinite": (
            "第 {first} 次迭代时，损失变为 {value}。",
            "损失出现 NaN 或无穷大，通常是更新爆炸，或损失计算了 log(0) 或 0 * log(0)：使用框架自带的融合损失（cross_e"
            "ntropy、binary_cross_entropy_with_logits），降低学习率，裁剪梯度，检查标签（调试指南：损失随迭代变化）。",
        ),
        "tensor_nonfinite": (
            "第 {first} 次迭代时，{parameter} 的 {kind} 含有 {count} 个 NaN 或无穷值（共 {total} 个）。",
            "非有限值会在几步内扩散到整个网络：降低学习率、裁剪梯度、归一化输入并检查损失（调试指南：参数直方图，参数"
            "趋向正负无穷）。",
        ),
        "score_rising": (
            "自第 {first} 次迭代起损失一直上升：从最低的 {best:.4g} 升到 {level:.4g}。",
            "损失持续上升通常说明学习率过高，或数据归一化不当（或未打乱）：降低学习率直到损失稳定（调试指南：损失随迭"
            "代变化）。",
        ),
        "score_exploding": (
            "损失爆炸：{level:.4g}，是初始值（{start:.4g}）的 {times:.3g} 倍。",
            "学习率远远过高，或梯度爆炸：降低学习率、裁剪梯度、检查权重初始化和输入的尺度（调试指南：损失随迭代变化）"
            "。",
        ),
        "score_flat": (
            "损失几乎不变：自第 {first} 次迭代起的 {span} 次迭代中只下降了 {gain_pct:.2g}%（{start:.4g} -> {level:.4g}"
            "），且自开始以来几乎没有下降。",
            "损失平坦，或在数百次迭代中下降极慢，说明学习率过低或优化器困难：提高学习率，或用 Nesterov 动量、RMSProp、"
            "Adagrad/Adam 代替普通 SGD（调试指南：损失随迭代变化）。",
        ),
        "score_noisy": (
            "损失在相邻迭代之间跳动很大：通常（中位数）跳动 {jump:.3g}，达到其下降幅度（或其水平）的 {noise_pct:.3g}%"
            "。",
            "迭代之间的大幅跳动说明学习率过高、输入未归一化、数据未打乱（每个小批量只有一类）或小批量过小（调试指南："
            "损失随迭代变化）。",
        ),
        "score_noisy_small_batches": (
            "损失在相邻迭代之间跳动很大：通常（中位数）跳动 {jump:.3g}，达到其下降幅度（或其水平）的 {noise_pct:.3g}%，"
            "每个小批量只有 {batch:.3g} 个样本。",
            "小批量过小会使损失噪声很大并妨碍优化：使用更大的小批量（或累积梯度），或相应降低学习率（调试指南：损失随迭代变化）。",
        ),
        "ratio_high": (
            "{parameter} 的更新过大：自第 {first} 次迭代起 log10 更新/参数比为 {ratio:.2f}（高于 {limit:g}）。",
            "约 -3（1:1000）是合适的起点；远高于 -2 时参数不稳定：降低学习率（仅此层偏高则只调此层），或重新检查其初始"
            "化（调试指南：更新/参数比）。",
        ),
        "ratio_low": (
            "{parameter} 的更新过小：自第 {first} 次迭代起 log10 更新/参数比为 {ratio:.2f}（低于 {limit:g}）。",
            "远低于 -4 时参数变化太慢而学不到东西：提高学习率（仅此层偏低则只调此层），检查梯度消失或上游的死亡单元（"
            "调试指南：更新/参数比）。",
        ),
        "ratio_spike": (
            "第 {first} 次迭代时 {parameter} 的更新/参数比突然上升 {jump:.2f} 个数量级（到 {ratio:.2f}）。",
            "比值突然上升可能意味着梯度爆炸：裁剪或归一化梯度（尤其是循环网络）、降低学习率、检查输入（调试指南：更新/"
            "参数比；更新直方图）。",
        ),
        "ratio_spike_lr": (
            "第 {first} 次迭代时 {parameter} 的更新/参数比突然上升 {jump:.2f} 个数量级（到 {ratio:.2f}），同时学习率从"
            " {lr_before:.3g} 升到 {lr:.3g}。",
            "新的学习率使更新远大于经验值（1:1000）：降低它，或在观察比值的同时逐步提高（预热）（调试指南：更新/参数比"
            "）。",
        ),
        "activations_vanishing": (
            "自第 {first} 次迭代起 {layer} 的输出过小：标准差 {stdev:.3g}（指南范围 {low:g} 到 {high:g}）。",
            "激活消失说明权重初始化不当、正则化过强或数据未归一化：按激活函数选择初始化（ReLU 用 He，tanh 用 Xavier）"
            "、减小 L2 / 权重衰减、归一化输入；ReLU 输出全为零说明单元已死亡（负偏置、学习率过高）（调试指南：各层激活"
            "随时间变化）。",
        ),
        "activations_exploding": (
            "自第 {first} 次迭代起 {layer} 的输出过大：标准差 {stdev:.3g}（指南范围 {low:g} 到 {high:g}）。",
            "激活爆炸说明权重初始化不当、数据未归一化或学习率过高：归一化输入、缩小初始化、降低学习率（调试指南：各层"
            "激活随时间变化）。",
        ),
        "dead_units": (
            "自第 {first} 次迭代起，{layer} 的 {units} 个单元中有 {dead} 个（{percent:.0f} %）"
            "对批次中的每个样本都输出 0。",
            "死亡的 ReLU 单元没有梯度，也不会恢复：降低学习率（一次过大的更新就可能把偏置推到很负的值）、使用 He 初始化"
            "并把偏置设为 0 或略大于 0、归一化输入，或改用 LeakyReLU / ELU（调试指南：各层激活随时间变化）。",
        ),
        "activations_exploding_pre": (
            "自第 {first} 次迭代起 {layer} 的输入过大：{pre} 的输出标准差为 {pre_stdev:.3g}（指南范围 {low:g} 到 {high"
            ":g}，指激活函数之后；{layer} 输出的标准差为 {stdev:.3g}）。",
            "激活爆炸说明权重初始化不当、数据未归一化或学习率过高：归一化输入、缩小初始化、降低学习率（调试指南：各层"
            "激活随时间变化）。",
        ),
        "param_growth": (
            "{parameter} 正在发散：平均幅值 {now:.3g}，是初始值（{start:.3g}）的 {times:.3g} 倍。",
            "参数趋向正负无穷说明学习率过高或正则化不足：降低学习率，加入 L2 / 权重衰减（调试指南：参数直方图）。",
        ),
        "param_collapse": (
            "{parameter} 正在坍缩：平均幅值 {now:.3g}，只有初始值（{start:.3g}）的 {times:.3g}。",
            "权重缩向零说明正则化过强：减小 L2 / 权重衰减，让数据的梯度能维持权重（调试指南：参数直方图；各层激活随时"
            "间变化：正则化过强）。",
        ),
        "bias_large": (
            "自第 {first} 次迭代起输出偏置 {parameter} 过大：最大幅值 {peak:.3g}（高于 {limit:g}）。",
            "输出层偏置非常大，可能是类别极不平衡（或回归目标未归一化）：重新平衡或为类别加权，归一化目标（调试指南："
            "参数直方图）。",
        ),
    },
}


#: template -> its text when it has no placeholders (most advice), else None
_FIXED: dict[str, str | None] = {}


def render(text_id: str, values: dict[str, Any], lang: str = "en") -> tuple[str, str]:
    """The (message, advice) of ``text_id`` in ``lang``, filled from ``values``."""
    message, advice = TEXTS[lang][text_id]
    return _fill(message, values), _fill(advice, values)


def _fill(template: str, values: dict[str, Any]) -> str:
    """``template.format(**values)``; a template without placeholders is filled once."""
    try:
        fixed = _FIXED[template]
    except KeyError:
        constant = all(field is None for _, field, _, _ in Formatter().parse(template))
        fixed = _FIXED[template] = template.format_map({}) if constant else None
    return fixed if fixed is not None else template.format_map(values)
