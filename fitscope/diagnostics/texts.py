"""The findings' words, in English and Chinese: what was seen, and what the debugging guide advises.

Each entry is ``rule -> (message, advice)`` per language; ``{placeholders}`` are filled from the
finding's evidence. The advice cites the guide's point (../shared/seed/README.md, section 5).
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["TEXTS", "render"]

TEXTS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "en": {
        "score_nonfinite": (
            "The score became {value} at iteration {first}.",
            "A NaN or infinite loss usually follows exploding updates or a loss that takes log(0): lower the "
            "learning rate, clip gradients, and check the loss and the labels (guide: score vs iteration).",
        ),
        "tensor_nonfinite": (
            "{kind} of {parameter} hold NaN or Inf ({count} values) at iteration {first}.",
            "Non-finite {kind} spread to the whole network within steps: lower the learning rate, clip "
            "gradients, normalise inputs and check the loss (guide: parameters drifting to +/- infinity).",
        ),
        "score_rising": (
            "The score has been rising since iteration {first}: from {best:.4g} to {level:.4g}.",
            "A score that rises steadily usually means the learning rate is too high (or the data is badly "
            "normalised): lower it until the score is stable (guide: score vs iteration).",
        ),
        "score_exploding": (
            "The score exploded: {level:.4g}, {times:.3g} times its start ({start:.4g}).",
            "The learning rate is far too high, or gradients explode: lower it, clip gradients, check the "
            "weight initialisation (guide: score vs iteration).",
        ),
        "score_flat": (
            "The score is flat: {gain_pct:.2g} % lower than at iteration {first} after {span} iterations "
            "({start:.4g} -> {level:.4g}).",
            "A flat score, or one that falls very slowly over hundreds of iterations, means the learning rate "
            "is too low or the optimizer is struggling: raise the rate, or try momentum, RMSProp or Adam "
            "(guide: score vs iteration).",
        ),
        "score_noisy": (
            "The score jumps by {noise_pct:.3g} % of its level from one iteration to the next (median).",
            "Large jumps point to a too high learning rate, unnormalised inputs, data that is not shuffled "
            "(each minibatch one class), or very small minibatches (guide: score vs iteration).",
        ),
        "ratio_high": (
            "Updates of {parameter} are large: log10 update:parameter ratio {ratio:.2f} (above {limit:g}) "
            "since iteration {first}.",
            "About -3 (1:1000) is healthy; far above -2 the parameters are unstable: lower the learning rate "
            "(for this layer if it alone is high), or revisit the initialisation (guide: update:parameter ratio).",
        ),
        "ratio_low": (
            "Updates of {parameter} are tiny: log10 update:parameter ratio {ratio:.2f} (below {limit:g}) since "
            "iteration {first}.",
            "Far below -4 the parameters change too slowly to learn: raise the learning rate (for this layer if "
            "it alone is low), or check for vanishing gradients (guide: update:parameter ratio).",
        ),
        "ratio_spike": (
            "The update:parameter ratio of {parameter} jumped {jump:.2f} decades (to {ratio:.2f}) at iteration "
            "{first}.",
            "A sudden rise of the ratio can mean exploding gradients: clip gradients (recurrent nets especially), "
            "lower the learning rate, check the inputs (guide: update:parameter ratio).",
        ),
        "activations_vanishing": (
            "Activations of {layer} are small: stdev {stdev:.3g} (the guide's range is {low:g} to {high:g}) since "
            "iteration {first}.",
            "Vanishing activations point to the weight initialisation, too much regularisation or unnormalised "
            "data: use an initialisation for the activation (He for ReLU), normalise inputs, lower L2 "
            "(guide: layer activations over time).",
        ),
        "activations_exploding": (
            "Activations of {layer} are large: stdev {stdev:.3g} (the guide's range is {low:g} to {high:g}) since "
            "iteration {first}.",
            "Exploding activations point to the weight initialisation, unnormalised data or a too high learning "
            "rate: normalise inputs, scale the initialisation down, lower the rate (guide: layer activations over time).",
        ),
        "param_growth": (
            "{parameter} is drifting away: mean magnitude {now:.3g}, {times:.3g} times its start ({start:.3g}).",
            "Parameters drifting toward +/- infinity mean too high a learning rate or too little regularisation: "
            "lower the rate, add L2 / weight decay (guide: parameter histograms).",
        ),
        "param_collapse": (
            "{parameter} is collapsing: mean magnitude {now:.3g}, {times:.3g} of its start ({start:.3g}).",
            "Parameters shrinking toward zero mean too much regularisation (or a dying layer): lower L2 / weight "
            "decay (guide: parameter histograms).",
        ),
        "bias_large": (
            "The output bias {parameter} is large: largest magnitude {peak:.3g} (above {limit:g}).",
            "Very large output biases can come from very unbalanced classes: rebalance or weight the classes "
            "(guide: parameter histograms).",
        ),
    },
    "zh": {
        "score_nonfinite": (
            "第 {first} 次迭代时，损失变为 {value}。",
            "损失出现 NaN 或无穷大，通常是更新爆炸或损失中出现 log(0)：降低学习率、裁剪梯度，并检查损失函数和标签（指南：损失随迭代变化）。",
        ),
        "tensor_nonfinite": (
            "第 {first} 次迭代时，{parameter} 的 {kind} 含有 NaN 或 Inf（{count} 个值）。",
            "非有限值会在几步内扩散到整个网络：降低学习率、裁剪梯度、归一化输入并检查损失（指南：参数趋向正负无穷）。",
        ),
        "score_rising": (
            "自第 {first} 次迭代起损失一直上升：从 {best:.4g} 升到 {level:.4g}。",
            "损失持续上升通常说明学习率过高（或数据归一化不当）：降低学习率直到损失稳定（指南：损失随迭代变化）。",
        ),
        "score_exploding": (
            "损失爆炸：{level:.4g}，是初始值（{start:.4g}）的 {times:.3g} 倍。",
            "学习率远远过高，或梯度爆炸：降低学习率、裁剪梯度、检查权重初始化（指南：损失随迭代变化）。",
        ),
        "score_flat": (
            "损失几乎不变：{span} 次迭代后只比第 {first} 次迭代低 {gain_pct:.2g}%（{start:.4g} -> {level:.4g}）。",
            "损失平坦或在数百次迭代中下降极慢，说明学习率过低或优化器困难：提高学习率，或尝试动量、RMSProp、Adam（指南：损失随迭代变化）。",
        ),
        "score_noisy": (
            "相邻迭代之间损失的跳动为其水平的 {noise_pct:.3g}%（中位数）。",
            "大幅跳动说明学习率过高、输入未归一化、数据未打乱（每个小批量只有一类）或小批量过小（指南：损失随迭代变化）。",
        ),
        "ratio_high": (
            "{parameter} 的更新过大：自第 {first} 次迭代起 log10 更新/参数比为 {ratio:.2f}（高于 {limit:g}）。",
            "约 -3（1:1000）为正常；远高于 -2 时参数不稳定：降低学习率（仅此层偏高则只调此层），或重新检查初始化（指南：更新/参数比）。",
        ),
        "ratio_low": (
            "{parameter} 的更新过小：自第 {first} 次迭代起 log10 更新/参数比为 {ratio:.2f}（低于 {limit:g}）。",
            "远低于 -4 时参数变化太慢而学不到东西：提高学习率（仅此层偏低则只调此层），或检查梯度消失（指南：更新/参数比）。",
        ),
        "ratio_spike": (
            "第 {first} 次迭代时 {parameter} 的更新/参数比突然上升 {jump:.2f} 个数量级（到 {ratio:.2f}）。",
            "比值突然上升可能意味着梯度爆炸：裁剪梯度（尤其是循环网络）、降低学习率、检查输入（指南：更新/参数比）。",
        ),
        "activations_vanishing": (
            "自第 {first} 次迭代起 {layer} 的激活过小：标准差 {stdev:.3g}（指南范围 {low:g} 到 {high:g}）。",
            "激活消失说明权重初始化不当、正则化过强或数据未归一化：按激活函数选择初始化（ReLU 用 He）、归一化输入、减小 L2（指南：各层激活随时间变化）。",
        ),
        "activations_exploding": (
            "自第 {first} 次迭代起 {layer} 的激活过大：标准差 {stdev:.3g}（指南范围 {low:g} 到 {high:g}）。",
            "激活爆炸说明权重初始化不当、数据未归一化或学习率过高：归一化输入、缩小初始化、降低学习率（指南：各层激活随时间变化）。",
        ),
        "param_growth": (
            "{parameter} 正在发散：平均幅值 {now:.3g}，是初始值（{start:.3g}）的 {times:.3g} 倍。",
            "参数趋向正负无穷说明学习率过高或正则化不足：降低学习率，加入 L2 / 权重衰减（指南：参数直方图）。",
        ),
        "param_collapse": (
            "{parameter} 正在坍缩：平均幅值 {now:.3g}，只有初始值（{start:.3g}）的 {times:.3g}。",
            "参数缩向零说明正则化过强（或该层失活）：减小 L2 / 权重衰减（指南：参数直方图）。",
        ),
        "bias_large": (
            "输出偏置 {parameter} 过大：最大幅值 {peak:.3g}（高于 {limit:g}）。",
            "输出层偏置非常大，可能是类别极不平衡：重新平衡或为类别加权（指南：参数直方图）。",
        ),
    },
}


def render(text_id: str, values: dict[str, Any], lang: str = "en") -> tuple[str, str]:
    """The (message, advice) of ``text_id`` in ``lang``, filled from ``values``."""
    message, advice = TEXTS[lang][text_id]
    return message.format(**values), advice.format(**values)
