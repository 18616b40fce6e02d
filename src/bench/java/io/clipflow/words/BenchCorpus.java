package io.clipflow.words;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic benchmark data: a word library of at least 10,000 words (the seed list plus
 * generated Chinese and English words) and short-video titles and descriptions, a few percent
 * of which carry library words, plain or disguised with filler, full-width or traditional forms.
 */
final class BenchCorpus {

    static final int LIBRARY_SIZE = 10_000;
    static final double PLANTED_SHARE = 0.04;

    private static final String COMMON_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
            + "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
            + "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看"
            + "原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常"
            + "文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必"
            + "战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清"
            + "美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况"
            + "今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备"
            + "半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格";

    private static final String[] ZH_PHRASES = {
        "今天带大家做一道家常菜", "超级简单", "一分钟学会", "周末去海边玩", "记录生活", "我的日常", "宝宝第一次走路",
        "这家店真的太好吃了", "开箱测评", "新手必看", "手机摄影技巧", "健身打卡第三十天", "旅行攻略", "猫咪日常",
        "学生党必备", "平价好物推荐", "化妆教程", "穿搭分享", "城市夜景", "下班路上", "和朋友一起露营", "老家的味道",
        "给妈妈做的早餐", "办公室小技巧", "考研经验分享", "英语口语练习", "吉他弹唱", "原创舞蹈", "搞笑日常",
        "看完你就懂了", "记得点赞关注", "评论区告诉我", "下期更精彩", "第一次尝试", "真实体验", "不吹不黑",
        "跟着我一起做", "这个方法太实用了", "收藏起来慢慢看", "高铁上的风景", "春天的公园", "雨后的街道",
        "小区门口的早点摊", "自制奶茶", "红烧肉的做法", "三分钟快手菜", "装修日记", "租房改造", "宠物医院的一天"};

    private static final String[] EN_WORDS = {
        "vlog", "daily", "life", "with", "my", "cat", "cooking", "easy", "recipe", "travel", "weekend", "trip", "city",
        "night", "walk", "tutorial", "beginner", "guide", "makeup", "outfit", "review", "unboxing", "phone", "camera",
        "tips", "fitness", "workout", "day", "study", "english", "music", "cover", "dance", "funny", "moments", "best",
        "friends", "camping", "coffee", "home", "room", "tour", "budget", "shopping", "haul", "morning", "routine", "the",
        "and", "for", "you", "this", "new", "how", "to", "make", "first", "time", "try", "real", "honest", "class"};

    private static final String[] ENDINGS = {"，", "。", "！", "？", "、", " ", ", ", ". ", "! ", "~", "…", " #", "😀", "🔥", "👍", "\n"};
    private static final String[] FILLERS = {"*", " ", ".", "-", "_", " * "};
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "zu", "re", "ta", "vo", "ne", "shi", "gra", "bel", "dor", "fen", "qua", "rix", "tor", "vel",
        "zan", "mor", "pli", "sku", "tre", "wyn", "xo", "yal"};

    private BenchCorpus() {
    }

    /** Seed words plus generated words, all distinct after normalisation. */
    static List<SensitiveWord> library(long seed) {
        return library(seed, LIBRARY_SIZE, COMMON_CHARS);
    }

    /**
     * A library of {@code size} words whose Chinese words are drawn from {@code chineseChars}: the common
     * characters, or {@link #wideChars} for the thousands of distinct characters of a real national list.
     */
    static List<SensitiveWord> library(long seed, int size, String chineseChars) {
        Random random = new Random(seed);
        TextNormalizer normalizer = TextNormalizer.shared();
        String vocabulary = normalizer.normalize(String.join("|", ZH_PHRASES) + "|" + String.join("|", EN_WORDS));
        List<SensitiveWord> words = new ArrayList<>(SeedWords.load());
        Set<String> forms = new LinkedHashSet<>();
        words.forEach(w -> forms.add(normalizer.normalize(w.word())));
        while (words.size() < size) {
            String word = random.nextInt(3) < 2 ? chineseWord(random, chineseChars) : englishWord(random);
            String form = normalizer.normalize(word);
            if (!vocabulary.contains(form) && forms.add(form)) {
                words.add(new SensitiveWord(word, random.nextInt(5) == 0 ? WordLevel.BLOCK : WordLevel.REVIEW));
            }
        }
        return words;
    }

    /** Documents adding up to exactly {@code totalChars} chars. */
    static List<String> documents(long seed, List<SensitiveWord> library, int totalChars) {
        Random random = new Random(seed);
        int seedWords = SeedWords.load().size();
        List<String> documents = new ArrayList<>();
        int remaining = totalChars;
        while (remaining > 0) {
            String document = document(random, library, seedWords);
            if (document.length() > remaining) {
                document = document.substring(0, remaining);
            }
            documents.add(document);
            remaining -= document.length();
        }
        return documents;
    }

    /** The first {@code seedWords} library entries are the seed list; half the planted words come from it. */
    private static String document(Random random, List<SensitiveWord> library, int seedWords) {
        int length = 50 + random.nextInt(451);
        List<String> tokens = new ArrayList<>();
        int size = 0;
        while (size < length) {
            String token = random.nextInt(10) < 6
                    ? ZH_PHRASES[random.nextInt(ZH_PHRASES.length)]
                    : EN_WORDS[random.nextInt(EN_WORDS.length)] + " " + EN_WORDS[random.nextInt(EN_WORDS.length)];
            token += ENDINGS[random.nextInt(ENDINGS.length)];
            tokens.add(token);
            size += token.length();
        }
        if (random.nextDouble() < PLANTED_SHARE) {
            int planted = 1 + random.nextInt(2);
            for (int i = 0; i < planted; i++) {
                SensitiveWord word = random.nextBoolean()
                        ? library.get(random.nextInt(seedWords))
                        : library.get(random.nextInt(library.size()));
                tokens.add(random.nextInt(tokens.size() + 1), " " + disguise(random, word.word()) + " ");
            }
        }
        return String.join("", tokens);
    }

    private static String disguise(Random random, String word) {
        boolean chinese = ZhConverterUtil.containsChinese(word);
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> word;
            case 4, 5 -> String.join(FILLERS[random.nextInt(FILLERS.length)], word.split(""));
            case 6, 7 -> chinese ? ZhConverterUtil.toTraditional(word) : fullWidth(word);
            default -> word.toUpperCase();
        };
    }

    private static String fullWidth(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            out.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c == ' ' ? '\u3000' : c);
        }
        return out.toString();
    }

    /** The common characters, then every simplified-form CJK character from U+4E00 up to {@code count} in all. */
    static String wideChars(int count) {
        TextNormalizer normalizer = TextNormalizer.shared();
        StringBuilder chars = new StringBuilder(COMMON_CHARS);
        for (char c = '\u4E00'; chars.length() < count && c <= '\u9FA5'; c++) {
            if (normalizer.fold(c) == c && COMMON_CHARS.indexOf(c) < 0) {
                chars.append(c);
            }
        }
        return chars.toString();
    }

    static String commonChars() {
        return COMMON_CHARS;
    }

    private static String chineseWord(Random random, String chars) {
        int length = 2 + random.nextInt(3);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(chars.charAt(random.nextInt(chars.length())));
        }
        return word.toString();
    }

    private static String englishWord(Random random) {
        StringBuilder word = new StringBuilder();
        int syllables = 2 + random.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }
}
