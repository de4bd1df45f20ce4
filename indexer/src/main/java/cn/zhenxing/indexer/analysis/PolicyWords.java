package cn.zhenxing.indexer.analysis;

import java.util.List;
import java.util.Set;

/**
 * Words Chinese policy documents use to say what is being done rather than what it is done to: 推动, 加快,
 * 优化, 扩大… They open lead-ins (推动数字沈阳建设 is about 数字沈阳建设) and, in a query, they say little about
 * the topic (辽宁如何扩大对外开放 is about 对外开放), so they are matched loosely.
 */
public final class PolicyWords {

  /** Verbs and adverbs of action, longest first where one starts another (进一步 before 进). */
  public static final List<String> ACTIONS = List.of(
      "进一步", "持续", "加快", "推动", "推进", "完善", "强化", "深化", "促进", "培育", "提升", "优化", "加强", "扎实",
      "全面", "大力", "积极", "坚持", "实施", "深入", "着力", "切实", "不断", "做强", "做优", "做大", "打造", "构建",
      "建设", "发展", "健全", "稳步", "有序", "统筹", "支持", "开展", "提高", "增强", "扩大", "抓好", "落实", "保障",
      "稳定", "做好", "实现", "加大", "推广", "鼓励", "引导");

  public static final Set<String> ACTION_SET = Set.copyOf(ACTIONS);

  private PolicyWords() {}
}
