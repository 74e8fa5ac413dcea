;; Runtime helpers for the WebAssembly i32 operations the machine lacks (multiply, divide,
;; remainder, bitwise logic, shifts, rotates, bit counts, sign extension), written with the machine's
;; own instructions only: i32.const, local.*, drop, select, i32 loads/stores, comparisons, i32.add,
;; i32.sub, br/br_if (from block/loop/if), call and return. The compiler links in the helpers a
;; program uses (and those they call).
;;
;; Each helper has exactly the WebAssembly semantics of its operation: wrapping arithmetic, shift
;; and rotate counts mod 32, traps on division by zero and on INT_MIN / -1: "call $trap" with the
;; trap code (engine/vm/traps.ts) becomes a "halt" whose immediate is that code.
;;
;; Cost is the number of executed instructions, so the helpers trade code size for speed: bit loops
;; are unrolled, and a binary search on the operand jumps into the unrolled steps where its
;; significant bits start. Two tools do most of the work:
;;   * Memory bytes 0..7 are scratch. Storing a word and loading it back at a byte offset shifts it
;;     by whole bytes, and narrow loads/stores mask to 8 or 16 bits.
;;   * Bits are read from the top: compare with a constant 2^i (and subtract it when set), or test
;;     the sign and double.
;; Nothing is kept in scratch memory between calls.
(module
  (import "tvm" "trap" (func $trap (param i32)))
  (memory (export "memory") 1)

  ;; a * b (wrapping). Negating both operands keeps the product, so make b the operand of smaller
  ;; magnitude (0 <= b <= 2^31), then multiply MSB-first (acc = 2 acc + bit * a) over the bits of b
  ;; only, reading them by comparing b with constant powers of two. A binary search on b enters the
  ;; unrolled steps at its top bit.
  (func $mul (export "mul") (param $a i32) (param $b i32) (result i32)
    (local $acc i32)
    local.get $b
    i32.const 0
    i32.lt_s
    if
      i32.const 0
      local.get $a
      i32.sub
      local.set $a
      i32.const 0
      local.get $b
      i32.sub
      local.set $b
    end
    ;; 31 nested blocks, $s0 outermost: `br $s30` runs every step below,
    ;; `br $s0` only the last
    block $s0
    block $s1
    block $s2
    block $s3
    block $s4
    block $s5
    block $s6
    block $s7
    block $s8
    block $s9
    block $s10
    block $s11
    block $s12
    block $s13
    block $s14
    block $s15
    block $s16
    block $s17
    block $s18
    block $s19
    block $s20
    block $s21
    block $s22
    block $s23
    block $s24
    block $s25
    block $s26
    block $s27
    block $s28
    block $s29
    block $s30
      block $ready
        block $aneg
          local.get $a
          i32.const 0
          i32.lt_s
          br_if $aneg
          ;; a >= 0: walk the smaller of a and b
          local.get $a
          local.get $b
          i32.ge_u
          br_if $ready
          local.get $a
          local.get $b
          local.set $a
          local.set $b
          br $ready
        end
        ;; a < 0: if |a| < b, walk |a| = -a and multiply -b
        i32.const 0
        local.get $a
        i32.sub
        local.get $b
        i32.ge_u
        br_if $ready
        i32.const 0
        local.get $b
        i32.sub
        i32.const 0
        local.get $a
        i32.sub
        local.set $b
        local.set $a
      end
      ;; top bit p of b: acc = a, b -= 2^p, continue with step p - 1
      block $lt0
        local.get $b
        i32.const 0x100
        i32.lt_u
        br_if $lt0
        block $lt1
          local.get $b
          i32.const 0x10000
          i32.lt_u
          br_if $lt1
          block $lt2
            local.get $b
            i32.const 0x1000000
            i32.lt_u
            br_if $lt2
            block $lt3
              local.get $b
              i32.const 0x10000000
              i32.lt_u
              br_if $lt3
              block $lt4
                local.get $b
                i32.const 0x40000000
                i32.lt_u
                br_if $lt4
                block $lt5
                  local.get $b
                  i32.const 0x80000000
                  i32.lt_u
                  br_if $lt5
                  ;; top bit 31
                  local.get $b
                  i32.const 0x80000000
                  i32.sub
                  local.set $b
                  local.get $a
                  local.set $acc
                  br $s30
                end
                ;; top bit 30
                local.get $b
                i32.const 0x40000000
                i32.sub
                local.set $b
                local.get $a
                local.set $acc
                br $s29
              end
              block $lt6
                local.get $b
                i32.const 0x20000000
                i32.lt_u
                br_if $lt6
                ;; top bit 29
                local.get $b
                i32.const 0x20000000
                i32.sub
                local.set $b
                local.get $a
                local.set $acc
                br $s28
              end
              ;; top bit 28
              local.get $b
              i32.const 0x10000000
              i32.sub
              local.set $b
              local.get $a
              local.set $acc
              br $s27
            end
            block $lt7
              local.get $b
              i32.const 0x4000000
              i32.lt_u
              br_if $lt7
              block $lt8
                local.get $b
                i32.const 0x8000000
                i32.lt_u
                br_if $lt8
                ;; top bit 27
                local.get $b
                i32.const 0x8000000
                i32.sub
                local.set $b
                local.get $a
                local.set $acc
                br $s26
              end
              ;; top bit 26
              local.get $b
              i32.const 0x4000000
              i32.sub
              local.set $b
              local.get $a
              local.set $acc
              br $s25
            end
            block $lt9
              local.get $b
              i32.const 0x2000000
              i32.lt_u
              br_if $lt9
              ;; top bit 25
              local.get $b
              i32.const 0x2000000
              i32.sub
              local.set $b
              local.get $a
              local.set $acc
              br $s24
            end
            ;; top bit 24
            local.get $b
            i32.const 0x1000000
            i32.sub
            local.set $b
            local.get $a
            local.set $acc
            br $s23
          end
          block $lt10
            local.get $b
            i32.const 0x100000
            i32.lt_u
            br_if $lt10
            block $lt11
              local.get $b
              i32.const 0x400000
              i32.lt_u
              br_if $lt11
              block $lt12
                local.get $b
                i32.const 0x800000
                i32.lt_u
                br_if $lt12
                ;; top bit 23
                local.get $b
                i32.const 0x800000
                i32.sub
                local.set $b
                local.get $a
                local.set $acc
                br $s22
              end
              ;; top bit 22
              local.get $b
              i32.const 0x400000
              i32.sub
              local.set $b
              local.get $a
              local.set $acc
              br $s21
            end
            block $lt13
              local.get $b
              i32.const 0x200000
              i32.lt_u
              br_if $lt13
              ;; top bit 21
              local.get $b
              i32.const 0x200000
              i32.sub
              local.set $b
              local.get $a
              local.set $acc
              br $s20
            end
            ;; top bit 20
            local.get $b
            i32.const 0x100000
            i32.sub
            local.set $b
            local.get $a
            local.set $acc
            br $s19
          end
          block $lt14
            local.get $b
            i32.const 0x40000
            i32.lt_u
            br_if $lt14
            block $lt15
              local.get $b
              i32.const 0x80000
              i32.lt_u
              br_if $lt15
              ;; top bit 19
              local.get $b
              i32.const 0x80000
              i32.sub
              local.set $b
              local.get $a
              local.set $acc
              br $s18
            end
            ;; top bit 18
            local.get $b
            i32.const 0x40000
            i32.sub
            local.set $b
            local.get $a
            local.set $acc
            br $s17
          end
          block $lt16
            local.get $b
            i32.const 0x20000
            i32.lt_u
            br_if $lt16
            ;; top bit 17
            local.get $b
            i32.const 0x20000
            i32.sub
            local.set $b
            local.get $a
            local.set $acc
            br $s16
          end
          ;; top bit 16
          local.get $b
          i32.const 0x10000
          i32.sub
          local.set $b
          local.get $a
          local.set $acc
          br $s15
        end
        block $lt17
          local.get $b
          i32.const 0x1000
          i32.lt_u
          br_if $lt17
          block $lt18
            local.get $b
            i32.const 0x4000
            i32.lt_u
            br_if $lt18
            block $lt19
              local.get $b
              i32.const 0x8000
              i32.lt_u
              br_if $lt19
              ;; top bit 15
              local.get $b
              i32.const 0x8000
              i32.sub
              local.set $b
              local.get $a
              local.set $acc
              br $s14
            end
            ;; top bit 14
            local.get $b
            i32.const 0x4000
            i32.sub
            local.set $b
            local.get $a
            local.set $acc
            br $s13
          end
          block $lt20
            local.get $b
            i32.const 0x2000
            i32.lt_u
            br_if $lt20
            ;; top bit 13
            local.get $b
            i32.const 0x2000
            i32.sub
            local.set $b
            local.get $a
            local.set $acc
            br $s12
          end
          ;; top bit 12
          local.get $b
          i32.const 0x1000
          i32.sub
          local.set $b
          local.get $a
          local.set $acc
          br $s11
        end
        block $lt21
          local.get $b
          i32.const 0x400
          i32.lt_u
          br_if $lt21
          block $lt22
            local.get $b
            i32.const 0x800
            i32.lt_u
            br_if $lt22
            ;; top bit 11
            local.get $b
            i32.const 0x800
            i32.sub
            local.set $b
            local.get $a
            local.set $acc
            br $s10
          end
          ;; top bit 10
          local.get $b
          i32.const 0x400
          i32.sub
          local.set $b
          local.get $a
          local.set $acc
          br $s9
        end
        block $lt23
          local.get $b
          i32.const 0x200
          i32.lt_u
          br_if $lt23
          ;; top bit 9
          local.get $b
          i32.const 0x200
          i32.sub
          local.set $b
          local.get $a
          local.set $acc
          br $s8
        end
        ;; top bit 8
        local.get $b
        i32.const 0x100
        i32.sub
        local.set $b
        local.get $a
        local.set $acc
        br $s7
      end
      block $lt24
        local.get $b
        i32.const 0x10
        i32.lt_u
        br_if $lt24
        block $lt25
          local.get $b
          i32.const 0x40
          i32.lt_u
          br_if $lt25
          block $lt26
            local.get $b
            i32.const 0x80
            i32.lt_u
            br_if $lt26
            ;; top bit 7
            local.get $b
            i32.const 0x80
            i32.sub
            local.set $b
            local.get $a
            local.set $acc
            br $s6
          end
          ;; top bit 6
          local.get $b
          i32.const 0x40
          i32.sub
          local.set $b
          local.get $a
          local.set $acc
          br $s5
        end
        block $lt27
          local.get $b
          i32.const 0x20
          i32.lt_u
          br_if $lt27
          ;; top bit 5
          local.get $b
          i32.const 0x20
          i32.sub
          local.set $b
          local.get $a
          local.set $acc
          br $s4
        end
        ;; top bit 4
        local.get $b
        i32.const 0x10
        i32.sub
        local.set $b
        local.get $a
        local.set $acc
        br $s3
      end
      block $lt28
        local.get $b
        i32.const 0x4
        i32.lt_u
        br_if $lt28
        block $lt29
          local.get $b
          i32.const 0x8
          i32.lt_u
          br_if $lt29
          ;; top bit 3
          local.get $b
          i32.const 0x8
          i32.sub
          local.set $b
          local.get $a
          local.set $acc
          br $s2
        end
        ;; top bit 2
        local.get $b
        i32.const 0x4
        i32.sub
        local.set $b
        local.get $a
        local.set $acc
        br $s1
      end
      block $lt30
        local.get $b
        i32.const 0x2
        i32.lt_u
        br_if $lt30
        ;; top bit 1
        local.get $b
        i32.const 0x2
        i32.sub
        local.set $b
        local.get $a
        local.set $acc
        br $s0
      end
      ;; b is 0 or 1
      local.get $a
      i32.const 0
      local.get $b
      select
      return
    end
    ;; step 30
    block $next31
      block $zero32
        local.get $b
        i32.const 0x40000000
        i32.lt_u
        br_if $zero32
        local.get $b
        i32.const 0x40000000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next31
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 29
    block $next33
      block $zero34
        local.get $b
        i32.const 0x20000000
        i32.lt_u
        br_if $zero34
        local.get $b
        i32.const 0x20000000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next33
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 28
    block $next35
      block $zero36
        local.get $b
        i32.const 0x10000000
        i32.lt_u
        br_if $zero36
        local.get $b
        i32.const 0x10000000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next35
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 27
    block $next37
      block $zero38
        local.get $b
        i32.const 0x8000000
        i32.lt_u
        br_if $zero38
        local.get $b
        i32.const 0x8000000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next37
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 26
    block $next39
      block $zero40
        local.get $b
        i32.const 0x4000000
        i32.lt_u
        br_if $zero40
        local.get $b
        i32.const 0x4000000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next39
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 25
    block $next41
      block $zero42
        local.get $b
        i32.const 0x2000000
        i32.lt_u
        br_if $zero42
        local.get $b
        i32.const 0x2000000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next41
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 24
    block $next43
      block $zero44
        local.get $b
        i32.const 0x1000000
        i32.lt_u
        br_if $zero44
        local.get $b
        i32.const 0x1000000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next43
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 23
    block $next45
      block $zero46
        local.get $b
        i32.const 0x800000
        i32.lt_u
        br_if $zero46
        local.get $b
        i32.const 0x800000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next45
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 22
    block $next47
      block $zero48
        local.get $b
        i32.const 0x400000
        i32.lt_u
        br_if $zero48
        local.get $b
        i32.const 0x400000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next47
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 21
    block $next49
      block $zero50
        local.get $b
        i32.const 0x200000
        i32.lt_u
        br_if $zero50
        local.get $b
        i32.const 0x200000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next49
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 20
    block $next51
      block $zero52
        local.get $b
        i32.const 0x100000
        i32.lt_u
        br_if $zero52
        local.get $b
        i32.const 0x100000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next51
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 19
    block $next53
      block $zero54
        local.get $b
        i32.const 0x80000
        i32.lt_u
        br_if $zero54
        local.get $b
        i32.const 0x80000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next53
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 18
    block $next55
      block $zero56
        local.get $b
        i32.const 0x40000
        i32.lt_u
        br_if $zero56
        local.get $b
        i32.const 0x40000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next55
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 17
    block $next57
      block $zero58
        local.get $b
        i32.const 0x20000
        i32.lt_u
        br_if $zero58
        local.get $b
        i32.const 0x20000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next57
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 16
    block $next59
      block $zero60
        local.get $b
        i32.const 0x10000
        i32.lt_u
        br_if $zero60
        local.get $b
        i32.const 0x10000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next59
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 15
    block $next61
      block $zero62
        local.get $b
        i32.const 0x8000
        i32.lt_u
        br_if $zero62
        local.get $b
        i32.const 0x8000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next61
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 14
    block $next63
      block $zero64
        local.get $b
        i32.const 0x4000
        i32.lt_u
        br_if $zero64
        local.get $b
        i32.const 0x4000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next63
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 13
    block $next65
      block $zero66
        local.get $b
        i32.const 0x2000
        i32.lt_u
        br_if $zero66
        local.get $b
        i32.const 0x2000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next65
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 12
    block $next67
      block $zero68
        local.get $b
        i32.const 0x1000
        i32.lt_u
        br_if $zero68
        local.get $b
        i32.const 0x1000
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next67
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 11
    block $next69
      block $zero70
        local.get $b
        i32.const 0x800
        i32.lt_u
        br_if $zero70
        local.get $b
        i32.const 0x800
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next69
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 10
    block $next71
      block $zero72
        local.get $b
        i32.const 0x400
        i32.lt_u
        br_if $zero72
        local.get $b
        i32.const 0x400
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next71
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 9
    block $next73
      block $zero74
        local.get $b
        i32.const 0x200
        i32.lt_u
        br_if $zero74
        local.get $b
        i32.const 0x200
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next73
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 8
    block $next75
      block $zero76
        local.get $b
        i32.const 0x100
        i32.lt_u
        br_if $zero76
        local.get $b
        i32.const 0x100
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next75
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 7
    block $next77
      block $zero78
        local.get $b
        i32.const 0x80
        i32.lt_u
        br_if $zero78
        local.get $b
        i32.const 0x80
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next77
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 6
    block $next79
      block $zero80
        local.get $b
        i32.const 0x40
        i32.lt_u
        br_if $zero80
        local.get $b
        i32.const 0x40
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next79
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 5
    block $next81
      block $zero82
        local.get $b
        i32.const 0x20
        i32.lt_u
        br_if $zero82
        local.get $b
        i32.const 0x20
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next81
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 4
    block $next83
      block $zero84
        local.get $b
        i32.const 0x10
        i32.lt_u
        br_if $zero84
        local.get $b
        i32.const 0x10
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next83
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 3
    block $next85
      block $zero86
        local.get $b
        i32.const 0x8
        i32.lt_u
        br_if $zero86
        local.get $b
        i32.const 0x8
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next85
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 2
    block $next87
      block $zero88
        local.get $b
        i32.const 0x4
        i32.lt_u
        br_if $zero88
        local.get $b
        i32.const 0x4
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next87
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 1
    block $next89
      block $zero90
        local.get $b
        i32.const 0x2
        i32.lt_u
        br_if $zero90
        local.get $b
        i32.const 0x2
        i32.sub
        local.set $b
        local.get $acc
        local.get $acc
        i32.add
        local.get $a
        i32.add
        local.set $acc
        br $next89
      end
      local.get $acc
      local.get $acc
      i32.add
      local.set $acc
    end
    end
    ;; step 0: b is 0 or 1
    local.get $acc
    local.get $acc
    i32.add
    local.get $a
    i32.const 0
    local.get $b
    select
    i32.add
  )

  ;; n / d (unsigned; traps when d = 0). Doubles d into d_i = d << i (kept in locals) while
  ;; d_i <= n: the last such i is the quotient's top bit. Then walks back down: n >= d_i gives
  ;; quotient bit i and n -= d_i. The work is proportional to the bit length of the quotient.
  ;; The doubling checks against n every four levels (no overflow while d_i < 2^28), then a binary
  ;; search finds the level; from 2^28 on it goes one level at a time, comparing n - d_i with d_i.
  (func $div_u (export "div_u") (param $n i32) (param $d i32) (result i32)
    (local $q i32) (local $d1 i32) (local $d2 i32) (local $d3 i32) (local $d4 i32) (local $d5 i32)
    (local $d6 i32) (local $d7 i32) (local $d8 i32) (local $d9 i32) (local $d10 i32) (local $d11 i32)
    (local $d12 i32) (local $d13 i32) (local $d14 i32) (local $d15 i32) (local $d16 i32) (local $d17 i32)
    (local $d18 i32) (local $d19 i32) (local $d20 i32) (local $d21 i32) (local $d22 i32) (local $d23 i32)
    (local $d24 i32) (local $d25 i32) (local $d26 i32) (local $d27 i32) (local $d28 i32) (local $d29 i32)
    (local $d30 i32) (local $d31 i32)
    local.get $d
    i32.eqz
    if
      i32.const 2
      call $trap
    end
    local.get $n
    local.get $d
    i32.lt_u
    if
      i32.const 0
      return
    end
    ;; 31 nested blocks, $D0 outermost: `br $D30` runs every step below,
    ;; `br $D0` only the last
    block $D0
    block $D1
    block $D2
    block $D3
    block $D4
    block $D5
    block $D6
    block $D7
    block $D8
    block $D9
    block $D10
    block $D11
    block $D12
    block $D13
    block $D14
    block $D15
    block $D16
    block $D17
    block $D18
    block $D19
    block $D20
    block $D21
    block $D22
    block $D23
    block $D24
    block $D25
    block $D26
    block $D27
    block $D28
    block $D29
    block $D30
      ;; levels 0..3: d_0 <= n
      local.get $d
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d
        i32.sub
        local.get $d
        i32.lt_u
        if
          i32.const 1
          return
        end
        local.get $d
        local.get $d
        i32.add
        local.set $d1
        local.get $n
        local.get $d1
        i32.sub
        local.get $d1
        i32.lt_u
        if
          local.get $n
          local.get $d1
          i32.sub
          local.set $n
          i32.const 0x2
          local.set $q
          br $D0
        end
        local.get $d1
        local.get $d1
        i32.add
        local.set $d2
        local.get $n
        local.get $d2
        i32.sub
        local.get $d2
        i32.lt_u
        if
          local.get $n
          local.get $d2
          i32.sub
          local.set $n
          i32.const 0x4
          local.set $q
          br $D1
        end
        local.get $d2
        local.get $d2
        i32.add
        local.set $d3
        local.get $n
        local.get $d3
        i32.sub
        local.set $n
        i32.const 0x8
        local.set $q
        br $D2
      end
      ;; d_1 .. d_4: no overflow while d_0 < 2^28
      local.get $d
      local.get $d
      i32.add
      local.tee $d1
      local.get $d1
      i32.add
      local.tee $d2
      local.get $d2
      i32.add
      local.tee $d3
      local.get $d3
      i32.add
      local.tee $d4
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 0..3
        local.get $d2
        local.get $n
        i32.gt_u
        if
          local.get $d1
          local.get $n
          i32.gt_u
          if
            i32.const 1
            return
          end
          local.get $n
          local.get $d1
          i32.sub
          local.set $n
          i32.const 0x2
          local.set $q
          br $D0
        end
        local.get $d3
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d2
          i32.sub
          local.set $n
          i32.const 0x4
          local.set $q
          br $D1
        end
        local.get $n
        local.get $d3
        i32.sub
        local.set $n
        i32.const 0x8
        local.set $q
        br $D2
      end
      ;; levels 4..7: d_4 <= n
      local.get $d4
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d4
        i32.sub
        local.get $d4
        i32.lt_u
        if
          local.get $n
          local.get $d4
          i32.sub
          local.set $n
          i32.const 0x10
          local.set $q
          br $D3
        end
        local.get $d4
        local.get $d4
        i32.add
        local.set $d5
        local.get $n
        local.get $d5
        i32.sub
        local.get $d5
        i32.lt_u
        if
          local.get $n
          local.get $d5
          i32.sub
          local.set $n
          i32.const 0x20
          local.set $q
          br $D4
        end
        local.get $d5
        local.get $d5
        i32.add
        local.set $d6
        local.get $n
        local.get $d6
        i32.sub
        local.get $d6
        i32.lt_u
        if
          local.get $n
          local.get $d6
          i32.sub
          local.set $n
          i32.const 0x40
          local.set $q
          br $D5
        end
        local.get $d6
        local.get $d6
        i32.add
        local.set $d7
        local.get $n
        local.get $d7
        i32.sub
        local.set $n
        i32.const 0x80
        local.set $q
        br $D6
      end
      ;; d_5 .. d_8: no overflow while d_4 < 2^28
      local.get $d4
      local.get $d4
      i32.add
      local.tee $d5
      local.get $d5
      i32.add
      local.tee $d6
      local.get $d6
      i32.add
      local.tee $d7
      local.get $d7
      i32.add
      local.tee $d8
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 4..7
        local.get $d6
        local.get $n
        i32.gt_u
        if
          local.get $d5
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d4
            i32.sub
            local.set $n
            i32.const 0x10
            local.set $q
            br $D3
          end
          local.get $n
          local.get $d5
          i32.sub
          local.set $n
          i32.const 0x20
          local.set $q
          br $D4
        end
        local.get $d7
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d6
          i32.sub
          local.set $n
          i32.const 0x40
          local.set $q
          br $D5
        end
        local.get $n
        local.get $d7
        i32.sub
        local.set $n
        i32.const 0x80
        local.set $q
        br $D6
      end
      ;; levels 8..11: d_8 <= n
      local.get $d8
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d8
        i32.sub
        local.get $d8
        i32.lt_u
        if
          local.get $n
          local.get $d8
          i32.sub
          local.set $n
          i32.const 0x100
          local.set $q
          br $D7
        end
        local.get $d8
        local.get $d8
        i32.add
        local.set $d9
        local.get $n
        local.get $d9
        i32.sub
        local.get $d9
        i32.lt_u
        if
          local.get $n
          local.get $d9
          i32.sub
          local.set $n
          i32.const 0x200
          local.set $q
          br $D8
        end
        local.get $d9
        local.get $d9
        i32.add
        local.set $d10
        local.get $n
        local.get $d10
        i32.sub
        local.get $d10
        i32.lt_u
        if
          local.get $n
          local.get $d10
          i32.sub
          local.set $n
          i32.const 0x400
          local.set $q
          br $D9
        end
        local.get $d10
        local.get $d10
        i32.add
        local.set $d11
        local.get $n
        local.get $d11
        i32.sub
        local.set $n
        i32.const 0x800
        local.set $q
        br $D10
      end
      ;; d_9 .. d_12: no overflow while d_8 < 2^28
      local.get $d8
      local.get $d8
      i32.add
      local.tee $d9
      local.get $d9
      i32.add
      local.tee $d10
      local.get $d10
      i32.add
      local.tee $d11
      local.get $d11
      i32.add
      local.tee $d12
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 8..11
        local.get $d10
        local.get $n
        i32.gt_u
        if
          local.get $d9
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d8
            i32.sub
            local.set $n
            i32.const 0x100
            local.set $q
            br $D7
          end
          local.get $n
          local.get $d9
          i32.sub
          local.set $n
          i32.const 0x200
          local.set $q
          br $D8
        end
        local.get $d11
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d10
          i32.sub
          local.set $n
          i32.const 0x400
          local.set $q
          br $D9
        end
        local.get $n
        local.get $d11
        i32.sub
        local.set $n
        i32.const 0x800
        local.set $q
        br $D10
      end
      ;; levels 12..15: d_12 <= n
      local.get $d12
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d12
        i32.sub
        local.get $d12
        i32.lt_u
        if
          local.get $n
          local.get $d12
          i32.sub
          local.set $n
          i32.const 0x1000
          local.set $q
          br $D11
        end
        local.get $d12
        local.get $d12
        i32.add
        local.set $d13
        local.get $n
        local.get $d13
        i32.sub
        local.get $d13
        i32.lt_u
        if
          local.get $n
          local.get $d13
          i32.sub
          local.set $n
          i32.const 0x2000
          local.set $q
          br $D12
        end
        local.get $d13
        local.get $d13
        i32.add
        local.set $d14
        local.get $n
        local.get $d14
        i32.sub
        local.get $d14
        i32.lt_u
        if
          local.get $n
          local.get $d14
          i32.sub
          local.set $n
          i32.const 0x4000
          local.set $q
          br $D13
        end
        local.get $d14
        local.get $d14
        i32.add
        local.set $d15
        local.get $n
        local.get $d15
        i32.sub
        local.set $n
        i32.const 0x8000
        local.set $q
        br $D14
      end
      ;; d_13 .. d_16: no overflow while d_12 < 2^28
      local.get $d12
      local.get $d12
      i32.add
      local.tee $d13
      local.get $d13
      i32.add
      local.tee $d14
      local.get $d14
      i32.add
      local.tee $d15
      local.get $d15
      i32.add
      local.tee $d16
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 12..15
        local.get $d14
        local.get $n
        i32.gt_u
        if
          local.get $d13
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d12
            i32.sub
            local.set $n
            i32.const 0x1000
            local.set $q
            br $D11
          end
          local.get $n
          local.get $d13
          i32.sub
          local.set $n
          i32.const 0x2000
          local.set $q
          br $D12
        end
        local.get $d15
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d14
          i32.sub
          local.set $n
          i32.const 0x4000
          local.set $q
          br $D13
        end
        local.get $n
        local.get $d15
        i32.sub
        local.set $n
        i32.const 0x8000
        local.set $q
        br $D14
      end
      ;; levels 16..19: d_16 <= n
      local.get $d16
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d16
        i32.sub
        local.get $d16
        i32.lt_u
        if
          local.get $n
          local.get $d16
          i32.sub
          local.set $n
          i32.const 0x10000
          local.set $q
          br $D15
        end
        local.get $d16
        local.get $d16
        i32.add
        local.set $d17
        local.get $n
        local.get $d17
        i32.sub
        local.get $d17
        i32.lt_u
        if
          local.get $n
          local.get $d17
          i32.sub
          local.set $n
          i32.const 0x20000
          local.set $q
          br $D16
        end
        local.get $d17
        local.get $d17
        i32.add
        local.set $d18
        local.get $n
        local.get $d18
        i32.sub
        local.get $d18
        i32.lt_u
        if
          local.get $n
          local.get $d18
          i32.sub
          local.set $n
          i32.const 0x40000
          local.set $q
          br $D17
        end
        local.get $d18
        local.get $d18
        i32.add
        local.set $d19
        local.get $n
        local.get $d19
        i32.sub
        local.set $n
        i32.const 0x80000
        local.set $q
        br $D18
      end
      ;; d_17 .. d_20: no overflow while d_16 < 2^28
      local.get $d16
      local.get $d16
      i32.add
      local.tee $d17
      local.get $d17
      i32.add
      local.tee $d18
      local.get $d18
      i32.add
      local.tee $d19
      local.get $d19
      i32.add
      local.tee $d20
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 16..19
        local.get $d18
        local.get $n
        i32.gt_u
        if
          local.get $d17
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d16
            i32.sub
            local.set $n
            i32.const 0x10000
            local.set $q
            br $D15
          end
          local.get $n
          local.get $d17
          i32.sub
          local.set $n
          i32.const 0x20000
          local.set $q
          br $D16
        end
        local.get $d19
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d18
          i32.sub
          local.set $n
          i32.const 0x40000
          local.set $q
          br $D17
        end
        local.get $n
        local.get $d19
        i32.sub
        local.set $n
        i32.const 0x80000
        local.set $q
        br $D18
      end
      ;; levels 20..23: d_20 <= n
      local.get $d20
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d20
        i32.sub
        local.get $d20
        i32.lt_u
        if
          local.get $n
          local.get $d20
          i32.sub
          local.set $n
          i32.const 0x100000
          local.set $q
          br $D19
        end
        local.get $d20
        local.get $d20
        i32.add
        local.set $d21
        local.get $n
        local.get $d21
        i32.sub
        local.get $d21
        i32.lt_u
        if
          local.get $n
          local.get $d21
          i32.sub
          local.set $n
          i32.const 0x200000
          local.set $q
          br $D20
        end
        local.get $d21
        local.get $d21
        i32.add
        local.set $d22
        local.get $n
        local.get $d22
        i32.sub
        local.get $d22
        i32.lt_u
        if
          local.get $n
          local.get $d22
          i32.sub
          local.set $n
          i32.const 0x400000
          local.set $q
          br $D21
        end
        local.get $d22
        local.get $d22
        i32.add
        local.set $d23
        local.get $n
        local.get $d23
        i32.sub
        local.set $n
        i32.const 0x800000
        local.set $q
        br $D22
      end
      ;; d_21 .. d_24: no overflow while d_20 < 2^28
      local.get $d20
      local.get $d20
      i32.add
      local.tee $d21
      local.get $d21
      i32.add
      local.tee $d22
      local.get $d22
      i32.add
      local.tee $d23
      local.get $d23
      i32.add
      local.tee $d24
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 20..23
        local.get $d22
        local.get $n
        i32.gt_u
        if
          local.get $d21
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d20
            i32.sub
            local.set $n
            i32.const 0x100000
            local.set $q
            br $D19
          end
          local.get $n
          local.get $d21
          i32.sub
          local.set $n
          i32.const 0x200000
          local.set $q
          br $D20
        end
        local.get $d23
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d22
          i32.sub
          local.set $n
          i32.const 0x400000
          local.set $q
          br $D21
        end
        local.get $n
        local.get $d23
        i32.sub
        local.set $n
        i32.const 0x800000
        local.set $q
        br $D22
      end
      ;; levels 24..27: d_24 <= n
      local.get $d24
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d24
        i32.sub
        local.get $d24
        i32.lt_u
        if
          local.get $n
          local.get $d24
          i32.sub
          local.set $n
          i32.const 0x1000000
          local.set $q
          br $D23
        end
        local.get $d24
        local.get $d24
        i32.add
        local.set $d25
        local.get $n
        local.get $d25
        i32.sub
        local.get $d25
        i32.lt_u
        if
          local.get $n
          local.get $d25
          i32.sub
          local.set $n
          i32.const 0x2000000
          local.set $q
          br $D24
        end
        local.get $d25
        local.get $d25
        i32.add
        local.set $d26
        local.get $n
        local.get $d26
        i32.sub
        local.get $d26
        i32.lt_u
        if
          local.get $n
          local.get $d26
          i32.sub
          local.set $n
          i32.const 0x4000000
          local.set $q
          br $D25
        end
        local.get $d26
        local.get $d26
        i32.add
        local.set $d27
        local.get $n
        local.get $d27
        i32.sub
        local.set $n
        i32.const 0x8000000
        local.set $q
        br $D26
      end
      ;; d_25 .. d_28: no overflow while d_24 < 2^28
      local.get $d24
      local.get $d24
      i32.add
      local.tee $d25
      local.get $d25
      i32.add
      local.tee $d26
      local.get $d26
      i32.add
      local.tee $d27
      local.get $d27
      i32.add
      local.tee $d28
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 24..27
        local.get $d26
        local.get $n
        i32.gt_u
        if
          local.get $d25
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d24
            i32.sub
            local.set $n
            i32.const 0x1000000
            local.set $q
            br $D23
          end
          local.get $n
          local.get $d25
          i32.sub
          local.set $n
          i32.const 0x2000000
          local.set $q
          br $D24
        end
        local.get $d27
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d26
          i32.sub
          local.set $n
          i32.const 0x4000000
          local.set $q
          br $D25
        end
        local.get $n
        local.get $d27
        i32.sub
        local.set $n
        i32.const 0x8000000
        local.set $q
        br $D26
      end
      ;; levels 28..31: d_28 <= n
      ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
      local.get $n
      local.get $d28
      i32.sub
      local.get $d28
      i32.lt_u
      if
        local.get $n
        local.get $d28
        i32.sub
        local.set $n
        i32.const 0x10000000
        local.set $q
        br $D27
      end
      local.get $d28
      local.get $d28
      i32.add
      local.set $d29
      local.get $n
      local.get $d29
      i32.sub
      local.get $d29
      i32.lt_u
      if
        local.get $n
        local.get $d29
        i32.sub
        local.set $n
        i32.const 0x20000000
        local.set $q
        br $D28
      end
      local.get $d29
      local.get $d29
      i32.add
      local.set $d30
      local.get $n
      local.get $d30
      i32.sub
      local.get $d30
      i32.lt_u
      if
        local.get $n
        local.get $d30
        i32.sub
        local.set $n
        i32.const 0x40000000
        local.set $q
        br $D29
      end
      local.get $d30
      local.get $d30
      i32.add
      local.set $d31
      local.get $n
      local.get $d31
      i32.sub
      local.set $n
      i32.const 0x80000000
      local.set $q
      br $D30
    end
    ;; quotient bit 30
    local.get $n
    local.get $d30
    i32.ge_u
    if
      local.get $n
      local.get $d30
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x40000000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 29
    local.get $n
    local.get $d29
    i32.ge_u
    if
      local.get $n
      local.get $d29
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x20000000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 28
    local.get $n
    local.get $d28
    i32.ge_u
    if
      local.get $n
      local.get $d28
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x10000000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 27
    local.get $n
    local.get $d27
    i32.ge_u
    if
      local.get $n
      local.get $d27
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x8000000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 26
    local.get $n
    local.get $d26
    i32.ge_u
    if
      local.get $n
      local.get $d26
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x4000000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 25
    local.get $n
    local.get $d25
    i32.ge_u
    if
      local.get $n
      local.get $d25
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x2000000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 24
    local.get $n
    local.get $d24
    i32.ge_u
    if
      local.get $n
      local.get $d24
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x1000000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 23
    local.get $n
    local.get $d23
    i32.ge_u
    if
      local.get $n
      local.get $d23
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x800000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 22
    local.get $n
    local.get $d22
    i32.ge_u
    if
      local.get $n
      local.get $d22
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x400000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 21
    local.get $n
    local.get $d21
    i32.ge_u
    if
      local.get $n
      local.get $d21
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x200000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 20
    local.get $n
    local.get $d20
    i32.ge_u
    if
      local.get $n
      local.get $d20
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x100000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 19
    local.get $n
    local.get $d19
    i32.ge_u
    if
      local.get $n
      local.get $d19
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x80000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 18
    local.get $n
    local.get $d18
    i32.ge_u
    if
      local.get $n
      local.get $d18
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x40000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 17
    local.get $n
    local.get $d17
    i32.ge_u
    if
      local.get $n
      local.get $d17
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x20000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 16
    local.get $n
    local.get $d16
    i32.ge_u
    if
      local.get $n
      local.get $d16
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x10000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 15
    local.get $n
    local.get $d15
    i32.ge_u
    if
      local.get $n
      local.get $d15
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x8000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 14
    local.get $n
    local.get $d14
    i32.ge_u
    if
      local.get $n
      local.get $d14
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x4000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 13
    local.get $n
    local.get $d13
    i32.ge_u
    if
      local.get $n
      local.get $d13
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x2000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 12
    local.get $n
    local.get $d12
    i32.ge_u
    if
      local.get $n
      local.get $d12
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x1000
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 11
    local.get $n
    local.get $d11
    i32.ge_u
    if
      local.get $n
      local.get $d11
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x800
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 10
    local.get $n
    local.get $d10
    i32.ge_u
    if
      local.get $n
      local.get $d10
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x400
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 9
    local.get $n
    local.get $d9
    i32.ge_u
    if
      local.get $n
      local.get $d9
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x200
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 8
    local.get $n
    local.get $d8
    i32.ge_u
    if
      local.get $n
      local.get $d8
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x100
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 7
    local.get $n
    local.get $d7
    i32.ge_u
    if
      local.get $n
      local.get $d7
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x80
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 6
    local.get $n
    local.get $d6
    i32.ge_u
    if
      local.get $n
      local.get $d6
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x40
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 5
    local.get $n
    local.get $d5
    i32.ge_u
    if
      local.get $n
      local.get $d5
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x20
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 4
    local.get $n
    local.get $d4
    i32.ge_u
    if
      local.get $n
      local.get $d4
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x10
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 3
    local.get $n
    local.get $d3
    i32.ge_u
    if
      local.get $n
      local.get $d3
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x8
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 2
    local.get $n
    local.get $d2
    i32.ge_u
    if
      local.get $n
      local.get $d2
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x4
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 1
    local.get $n
    local.get $d1
    i32.ge_u
    if
      local.get $n
      local.get $d1
      i32.sub
      local.set $n
      local.get $q
      i32.const 0x2
      i32.add
      local.set $q
    end
    end
    ;; quotient bit 0
    local.get $q
    local.get $n
    local.get $d
    i32.ge_u
    i32.add
  )

  ;; n % d (unsigned; traps when d = 0): the division of div_u, keeping the remainder only.
  (func $rem_u (export "rem_u") (param $n i32) (param $d i32) (result i32)
    (local $d1 i32) (local $d2 i32) (local $d3 i32) (local $d4 i32) (local $d5 i32) (local $d6 i32)
    (local $d7 i32) (local $d8 i32) (local $d9 i32) (local $d10 i32) (local $d11 i32) (local $d12 i32)
    (local $d13 i32) (local $d14 i32) (local $d15 i32) (local $d16 i32) (local $d17 i32) (local $d18 i32)
    (local $d19 i32) (local $d20 i32) (local $d21 i32) (local $d22 i32) (local $d23 i32) (local $d24 i32)
    (local $d25 i32) (local $d26 i32) (local $d27 i32) (local $d28 i32) (local $d29 i32) (local $d30 i32)
    (local $d31 i32)
    local.get $d
    i32.eqz
    if
      i32.const 2
      call $trap
    end
    local.get $n
    local.get $d
    i32.lt_u
    if
      local.get $n
      return
    end
    ;; 31 nested blocks, $D0 outermost: `br $D30` runs every step below,
    ;; `br $D0` only the last
    block $D0
    block $D1
    block $D2
    block $D3
    block $D4
    block $D5
    block $D6
    block $D7
    block $D8
    block $D9
    block $D10
    block $D11
    block $D12
    block $D13
    block $D14
    block $D15
    block $D16
    block $D17
    block $D18
    block $D19
    block $D20
    block $D21
    block $D22
    block $D23
    block $D24
    block $D25
    block $D26
    block $D27
    block $D28
    block $D29
    block $D30
      ;; levels 0..3: d_0 <= n
      local.get $d
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d
        i32.sub
        local.get $d
        i32.lt_u
        if
          local.get $n
          local.get $d
          i32.sub
          return
        end
        local.get $d
        local.get $d
        i32.add
        local.set $d1
        local.get $n
        local.get $d1
        i32.sub
        local.get $d1
        i32.lt_u
        if
          local.get $n
          local.get $d1
          i32.sub
          local.set $n
          br $D0
        end
        local.get $d1
        local.get $d1
        i32.add
        local.set $d2
        local.get $n
        local.get $d2
        i32.sub
        local.get $d2
        i32.lt_u
        if
          local.get $n
          local.get $d2
          i32.sub
          local.set $n
          br $D1
        end
        local.get $d2
        local.get $d2
        i32.add
        local.set $d3
        local.get $n
        local.get $d3
        i32.sub
        local.set $n
        br $D2
      end
      ;; d_1 .. d_4: no overflow while d_0 < 2^28
      local.get $d
      local.get $d
      i32.add
      local.tee $d1
      local.get $d1
      i32.add
      local.tee $d2
      local.get $d2
      i32.add
      local.tee $d3
      local.get $d3
      i32.add
      local.tee $d4
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 0..3
        local.get $d2
        local.get $n
        i32.gt_u
        if
          local.get $d1
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d
            i32.sub
            return
          end
          local.get $n
          local.get $d1
          i32.sub
          local.set $n
          br $D0
        end
        local.get $d3
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d2
          i32.sub
          local.set $n
          br $D1
        end
        local.get $n
        local.get $d3
        i32.sub
        local.set $n
        br $D2
      end
      ;; levels 4..7: d_4 <= n
      local.get $d4
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d4
        i32.sub
        local.get $d4
        i32.lt_u
        if
          local.get $n
          local.get $d4
          i32.sub
          local.set $n
          br $D3
        end
        local.get $d4
        local.get $d4
        i32.add
        local.set $d5
        local.get $n
        local.get $d5
        i32.sub
        local.get $d5
        i32.lt_u
        if
          local.get $n
          local.get $d5
          i32.sub
          local.set $n
          br $D4
        end
        local.get $d5
        local.get $d5
        i32.add
        local.set $d6
        local.get $n
        local.get $d6
        i32.sub
        local.get $d6
        i32.lt_u
        if
          local.get $n
          local.get $d6
          i32.sub
          local.set $n
          br $D5
        end
        local.get $d6
        local.get $d6
        i32.add
        local.set $d7
        local.get $n
        local.get $d7
        i32.sub
        local.set $n
        br $D6
      end
      ;; d_5 .. d_8: no overflow while d_4 < 2^28
      local.get $d4
      local.get $d4
      i32.add
      local.tee $d5
      local.get $d5
      i32.add
      local.tee $d6
      local.get $d6
      i32.add
      local.tee $d7
      local.get $d7
      i32.add
      local.tee $d8
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 4..7
        local.get $d6
        local.get $n
        i32.gt_u
        if
          local.get $d5
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d4
            i32.sub
            local.set $n
            br $D3
          end
          local.get $n
          local.get $d5
          i32.sub
          local.set $n
          br $D4
        end
        local.get $d7
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d6
          i32.sub
          local.set $n
          br $D5
        end
        local.get $n
        local.get $d7
        i32.sub
        local.set $n
        br $D6
      end
      ;; levels 8..11: d_8 <= n
      local.get $d8
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d8
        i32.sub
        local.get $d8
        i32.lt_u
        if
          local.get $n
          local.get $d8
          i32.sub
          local.set $n
          br $D7
        end
        local.get $d8
        local.get $d8
        i32.add
        local.set $d9
        local.get $n
        local.get $d9
        i32.sub
        local.get $d9
        i32.lt_u
        if
          local.get $n
          local.get $d9
          i32.sub
          local.set $n
          br $D8
        end
        local.get $d9
        local.get $d9
        i32.add
        local.set $d10
        local.get $n
        local.get $d10
        i32.sub
        local.get $d10
        i32.lt_u
        if
          local.get $n
          local.get $d10
          i32.sub
          local.set $n
          br $D9
        end
        local.get $d10
        local.get $d10
        i32.add
        local.set $d11
        local.get $n
        local.get $d11
        i32.sub
        local.set $n
        br $D10
      end
      ;; d_9 .. d_12: no overflow while d_8 < 2^28
      local.get $d8
      local.get $d8
      i32.add
      local.tee $d9
      local.get $d9
      i32.add
      local.tee $d10
      local.get $d10
      i32.add
      local.tee $d11
      local.get $d11
      i32.add
      local.tee $d12
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 8..11
        local.get $d10
        local.get $n
        i32.gt_u
        if
          local.get $d9
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d8
            i32.sub
            local.set $n
            br $D7
          end
          local.get $n
          local.get $d9
          i32.sub
          local.set $n
          br $D8
        end
        local.get $d11
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d10
          i32.sub
          local.set $n
          br $D9
        end
        local.get $n
        local.get $d11
        i32.sub
        local.set $n
        br $D10
      end
      ;; levels 12..15: d_12 <= n
      local.get $d12
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d12
        i32.sub
        local.get $d12
        i32.lt_u
        if
          local.get $n
          local.get $d12
          i32.sub
          local.set $n
          br $D11
        end
        local.get $d12
        local.get $d12
        i32.add
        local.set $d13
        local.get $n
        local.get $d13
        i32.sub
        local.get $d13
        i32.lt_u
        if
          local.get $n
          local.get $d13
          i32.sub
          local.set $n
          br $D12
        end
        local.get $d13
        local.get $d13
        i32.add
        local.set $d14
        local.get $n
        local.get $d14
        i32.sub
        local.get $d14
        i32.lt_u
        if
          local.get $n
          local.get $d14
          i32.sub
          local.set $n
          br $D13
        end
        local.get $d14
        local.get $d14
        i32.add
        local.set $d15
        local.get $n
        local.get $d15
        i32.sub
        local.set $n
        br $D14
      end
      ;; d_13 .. d_16: no overflow while d_12 < 2^28
      local.get $d12
      local.get $d12
      i32.add
      local.tee $d13
      local.get $d13
      i32.add
      local.tee $d14
      local.get $d14
      i32.add
      local.tee $d15
      local.get $d15
      i32.add
      local.tee $d16
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 12..15
        local.get $d14
        local.get $n
        i32.gt_u
        if
          local.get $d13
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d12
            i32.sub
            local.set $n
            br $D11
          end
          local.get $n
          local.get $d13
          i32.sub
          local.set $n
          br $D12
        end
        local.get $d15
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d14
          i32.sub
          local.set $n
          br $D13
        end
        local.get $n
        local.get $d15
        i32.sub
        local.set $n
        br $D14
      end
      ;; levels 16..19: d_16 <= n
      local.get $d16
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d16
        i32.sub
        local.get $d16
        i32.lt_u
        if
          local.get $n
          local.get $d16
          i32.sub
          local.set $n
          br $D15
        end
        local.get $d16
        local.get $d16
        i32.add
        local.set $d17
        local.get $n
        local.get $d17
        i32.sub
        local.get $d17
        i32.lt_u
        if
          local.get $n
          local.get $d17
          i32.sub
          local.set $n
          br $D16
        end
        local.get $d17
        local.get $d17
        i32.add
        local.set $d18
        local.get $n
        local.get $d18
        i32.sub
        local.get $d18
        i32.lt_u
        if
          local.get $n
          local.get $d18
          i32.sub
          local.set $n
          br $D17
        end
        local.get $d18
        local.get $d18
        i32.add
        local.set $d19
        local.get $n
        local.get $d19
        i32.sub
        local.set $n
        br $D18
      end
      ;; d_17 .. d_20: no overflow while d_16 < 2^28
      local.get $d16
      local.get $d16
      i32.add
      local.tee $d17
      local.get $d17
      i32.add
      local.tee $d18
      local.get $d18
      i32.add
      local.tee $d19
      local.get $d19
      i32.add
      local.tee $d20
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 16..19
        local.get $d18
        local.get $n
        i32.gt_u
        if
          local.get $d17
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d16
            i32.sub
            local.set $n
            br $D15
          end
          local.get $n
          local.get $d17
          i32.sub
          local.set $n
          br $D16
        end
        local.get $d19
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d18
          i32.sub
          local.set $n
          br $D17
        end
        local.get $n
        local.get $d19
        i32.sub
        local.set $n
        br $D18
      end
      ;; levels 20..23: d_20 <= n
      local.get $d20
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d20
        i32.sub
        local.get $d20
        i32.lt_u
        if
          local.get $n
          local.get $d20
          i32.sub
          local.set $n
          br $D19
        end
        local.get $d20
        local.get $d20
        i32.add
        local.set $d21
        local.get $n
        local.get $d21
        i32.sub
        local.get $d21
        i32.lt_u
        if
          local.get $n
          local.get $d21
          i32.sub
          local.set $n
          br $D20
        end
        local.get $d21
        local.get $d21
        i32.add
        local.set $d22
        local.get $n
        local.get $d22
        i32.sub
        local.get $d22
        i32.lt_u
        if
          local.get $n
          local.get $d22
          i32.sub
          local.set $n
          br $D21
        end
        local.get $d22
        local.get $d22
        i32.add
        local.set $d23
        local.get $n
        local.get $d23
        i32.sub
        local.set $n
        br $D22
      end
      ;; d_21 .. d_24: no overflow while d_20 < 2^28
      local.get $d20
      local.get $d20
      i32.add
      local.tee $d21
      local.get $d21
      i32.add
      local.tee $d22
      local.get $d22
      i32.add
      local.tee $d23
      local.get $d23
      i32.add
      local.tee $d24
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 20..23
        local.get $d22
        local.get $n
        i32.gt_u
        if
          local.get $d21
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d20
            i32.sub
            local.set $n
            br $D19
          end
          local.get $n
          local.get $d21
          i32.sub
          local.set $n
          br $D20
        end
        local.get $d23
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d22
          i32.sub
          local.set $n
          br $D21
        end
        local.get $n
        local.get $d23
        i32.sub
        local.set $n
        br $D22
      end
      ;; levels 24..27: d_24 <= n
      local.get $d24
      i32.const 0x10000000
      i32.ge_u
      if
        ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
        local.get $n
        local.get $d24
        i32.sub
        local.get $d24
        i32.lt_u
        if
          local.get $n
          local.get $d24
          i32.sub
          local.set $n
          br $D23
        end
        local.get $d24
        local.get $d24
        i32.add
        local.set $d25
        local.get $n
        local.get $d25
        i32.sub
        local.get $d25
        i32.lt_u
        if
          local.get $n
          local.get $d25
          i32.sub
          local.set $n
          br $D24
        end
        local.get $d25
        local.get $d25
        i32.add
        local.set $d26
        local.get $n
        local.get $d26
        i32.sub
        local.get $d26
        i32.lt_u
        if
          local.get $n
          local.get $d26
          i32.sub
          local.set $n
          br $D25
        end
        local.get $d26
        local.get $d26
        i32.add
        local.set $d27
        local.get $n
        local.get $d27
        i32.sub
        local.set $n
        br $D26
      end
      ;; d_25 .. d_28: no overflow while d_24 < 2^28
      local.get $d24
      local.get $d24
      i32.add
      local.tee $d25
      local.get $d25
      i32.add
      local.tee $d26
      local.get $d26
      i32.add
      local.tee $d27
      local.get $d27
      i32.add
      local.tee $d28
      local.get $n
      i32.gt_u
      if
        ;; the top quotient bit is in 24..27
        local.get $d26
        local.get $n
        i32.gt_u
        if
          local.get $d25
          local.get $n
          i32.gt_u
          if
            local.get $n
            local.get $d24
            i32.sub
            local.set $n
            br $D23
          end
          local.get $n
          local.get $d25
          i32.sub
          local.set $n
          br $D24
        end
        local.get $d27
        local.get $n
        i32.gt_u
        if
          local.get $n
          local.get $d26
          i32.sub
          local.set $n
          br $D25
        end
        local.get $n
        local.get $d27
        i32.sub
        local.set $n
        br $D26
      end
      ;; levels 28..31: d_28 <= n
      ;; d_i >= 2^28: double one level at a time, stopping when n - d_i < d_i (2 d_i > n)
      local.get $n
      local.get $d28
      i32.sub
      local.get $d28
      i32.lt_u
      if
        local.get $n
        local.get $d28
        i32.sub
        local.set $n
        br $D27
      end
      local.get $d28
      local.get $d28
      i32.add
      local.set $d29
      local.get $n
      local.get $d29
      i32.sub
      local.get $d29
      i32.lt_u
      if
        local.get $n
        local.get $d29
        i32.sub
        local.set $n
        br $D28
      end
      local.get $d29
      local.get $d29
      i32.add
      local.set $d30
      local.get $n
      local.get $d30
      i32.sub
      local.get $d30
      i32.lt_u
      if
        local.get $n
        local.get $d30
        i32.sub
        local.set $n
        br $D29
      end
      local.get $d30
      local.get $d30
      i32.add
      local.set $d31
      local.get $n
      local.get $d31
      i32.sub
      local.set $n
      br $D30
    end
    ;; quotient bit 30
    local.get $n
    local.get $d30
    i32.ge_u
    if
      local.get $n
      local.get $d30
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 29
    local.get $n
    local.get $d29
    i32.ge_u
    if
      local.get $n
      local.get $d29
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 28
    local.get $n
    local.get $d28
    i32.ge_u
    if
      local.get $n
      local.get $d28
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 27
    local.get $n
    local.get $d27
    i32.ge_u
    if
      local.get $n
      local.get $d27
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 26
    local.get $n
    local.get $d26
    i32.ge_u
    if
      local.get $n
      local.get $d26
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 25
    local.get $n
    local.get $d25
    i32.ge_u
    if
      local.get $n
      local.get $d25
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 24
    local.get $n
    local.get $d24
    i32.ge_u
    if
      local.get $n
      local.get $d24
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 23
    local.get $n
    local.get $d23
    i32.ge_u
    if
      local.get $n
      local.get $d23
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 22
    local.get $n
    local.get $d22
    i32.ge_u
    if
      local.get $n
      local.get $d22
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 21
    local.get $n
    local.get $d21
    i32.ge_u
    if
      local.get $n
      local.get $d21
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 20
    local.get $n
    local.get $d20
    i32.ge_u
    if
      local.get $n
      local.get $d20
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 19
    local.get $n
    local.get $d19
    i32.ge_u
    if
      local.get $n
      local.get $d19
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 18
    local.get $n
    local.get $d18
    i32.ge_u
    if
      local.get $n
      local.get $d18
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 17
    local.get $n
    local.get $d17
    i32.ge_u
    if
      local.get $n
      local.get $d17
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 16
    local.get $n
    local.get $d16
    i32.ge_u
    if
      local.get $n
      local.get $d16
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 15
    local.get $n
    local.get $d15
    i32.ge_u
    if
      local.get $n
      local.get $d15
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 14
    local.get $n
    local.get $d14
    i32.ge_u
    if
      local.get $n
      local.get $d14
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 13
    local.get $n
    local.get $d13
    i32.ge_u
    if
      local.get $n
      local.get $d13
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 12
    local.get $n
    local.get $d12
    i32.ge_u
    if
      local.get $n
      local.get $d12
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 11
    local.get $n
    local.get $d11
    i32.ge_u
    if
      local.get $n
      local.get $d11
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 10
    local.get $n
    local.get $d10
    i32.ge_u
    if
      local.get $n
      local.get $d10
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 9
    local.get $n
    local.get $d9
    i32.ge_u
    if
      local.get $n
      local.get $d9
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 8
    local.get $n
    local.get $d8
    i32.ge_u
    if
      local.get $n
      local.get $d8
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 7
    local.get $n
    local.get $d7
    i32.ge_u
    if
      local.get $n
      local.get $d7
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 6
    local.get $n
    local.get $d6
    i32.ge_u
    if
      local.get $n
      local.get $d6
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 5
    local.get $n
    local.get $d5
    i32.ge_u
    if
      local.get $n
      local.get $d5
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 4
    local.get $n
    local.get $d4
    i32.ge_u
    if
      local.get $n
      local.get $d4
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 3
    local.get $n
    local.get $d3
    i32.ge_u
    if
      local.get $n
      local.get $d3
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 2
    local.get $n
    local.get $d2
    i32.ge_u
    if
      local.get $n
      local.get $d2
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 1
    local.get $n
    local.get $d1
    i32.ge_u
    if
      local.get $n
      local.get $d1
      i32.sub
      local.set $n
    end
    end
    ;; quotient bit 0
    local.get $n
    local.get $d
    i32.ge_u
    if
      local.get $n
      local.get $d
      i32.sub
      return
    end
    local.get $n
  )

  ;; n / d (signed, truncating; traps when d = 0 or for INT_MIN / -1): div_u on the magnitudes.
  (func $div_s (export "div_s") (param $n i32) (param $d i32) (result i32)
    local.get $n
    i32.const 0
    i32.lt_s
    if
      local.get $d
      i32.const 0
      i32.lt_s
      if
        local.get $n
        i32.const 0x80000000
        i32.eq
        if
          local.get $d
          i32.const -1
          i32.eq
          if
            i32.const 3
            call $trap
          end
        end
        i32.const 0
        local.get $n
        i32.sub
        i32.const 0
        local.get $d
        i32.sub
        call $div_u
        return
      end
      i32.const 0
      i32.const 0
      local.get $n
      i32.sub
      local.get $d
      call $div_u
      i32.sub
      return
    end
    local.get $d
    i32.const 0
    i32.lt_s
    if
      i32.const 0
      local.get $n
      i32.const 0
      local.get $d
      i32.sub
      call $div_u
      i32.sub
      return
    end
    local.get $n
    local.get $d
    call $div_u
  )

  ;; n % d (signed; traps when d = 0): rem_u on the magnitudes, with the sign of n.
  (func $rem_s (export "rem_s") (param $n i32) (param $d i32) (result i32)
    local.get $d
    i32.const 0
    i32.lt_s
    if
      i32.const 0
      local.get $d
      i32.sub
      local.set $d
    end
    local.get $n
    i32.const 0
    i32.lt_s
    if
      i32.const 0
      i32.const 0
      local.get $n
      i32.sub
      local.get $d
      call $rem_u
      i32.sub
      return
    end
    local.get $n
    local.get $d
    call $rem_u
  )

  ;; a & b. Walks the bits of b (made the smaller operand) down from its top bit (from the top of its
  ;; top byte when b >= 2^16): a bit of b is read by comparing b with a constant power of two (and
  ;; subtracting it), the bit of a at the same place is the sign of a, which is shifted up in step.
  ;; Stops when no bits of b are left. Masks b = 2^k - 1 (k <= 16) take a mod 2^k directly.
  ;; Negative operands are complemented first when that gives fewer bits to walk:
  ;; a & b = a + b + 1 + (~a & ~b), and a & b = a - (a & ~b). acc holds the constant term.
  (func $and (export "and") (param $a i32) (param $b i32) (result i32)
    (local $acc i32)
    i32.const 0
    local.set $acc
    ;; 31 nested blocks, $s0 outermost: `br $s30` runs every step below,
    ;; `br $s0` only the last
    block $s0
    block $s1
    block $s2
    block $s3
    block $s4
    block $s5
    block $s6
    block $s7
    block $s8
    block $s9
    block $s10
    block $s11
    block $s12
    block $s13
    block $s14
    block $s15
    block $s16
    block $s17
    block $s18
    block $s19
    block $s20
    block $s21
    block $s22
    block $s23
    block $s24
    block $s25
    block $s26
    block $s27
    block $s28
    block $s29
    block $s30
      block $walk
        block $order
          block $apos
            local.get $a
            i32.const 0
            i32.ge_s
            br_if $apos
            local.get $b
            i32.const 0
            i32.lt_s
            if
              ;; both negative
              local.get $a
              local.get $b
              i32.add
              i32.const 1
              i32.add
              local.set $acc
              i32.const -1
              local.get $a
              i32.sub
              local.set $a
              i32.const -1
              local.get $b
              i32.sub
              local.set $b
              br $order
            end
            ;; a < 0 <= b: walk b unless ~a is smaller
            local.get $b
            i32.const -1
            local.get $a
            i32.sub
            i32.le_u
            br_if $walk
            local.get $b
            local.get $b
            i32.const -1
            local.get $a
            i32.sub
            call $and
            i32.sub
            return
          end
          local.get $b
          i32.const 0
          i32.ge_s
          br_if $order
          ;; b < 0 <= a: walk a unless ~b is smaller
          local.get $a
          i32.const -1
          local.get $b
          i32.sub
          i32.le_u
          if
            local.get $a
            local.get $b
            local.set $a
            local.set $b
            br $walk
          end
          local.get $a
          local.get $a
          i32.const -1
          local.get $b
          i32.sub
          call $and
          i32.sub
          return
        end
        ;; 0 <= a, b < 2^31: walk the smaller, b; when a = 0x7fffffff the result is b
        block $ordered
          local.get $a
          local.get $b
          i32.ge_u
          br_if $ordered
          local.get $a
          local.get $b
          local.set $a
          local.set $b
        end
        local.get $a
        i32.const 0x7fffffff
        i32.eq
        if
          local.get $acc
          local.get $b
          i32.add
          return
        end
      end
      ;; b < 2^31: find the top bit p of b (exactly below 2^16, else its byte), shift a so that
      ;; its bit p is its sign bit, and walk b from bit p down
      block $b3
        local.get $b
        i32.const 0x1000000
        i32.ge_u
        br_if $b3
        block $b2
          local.get $b
          i32.const 0x10000
          i32.ge_u
          br_if $b2
          block $b1
            local.get $b
            i32.const 256
            i32.ge_u
            br_if $b1
            local.get $b
            i32.eqz
            if
              local.get $acc
              return
            end
            block $lt0
              local.get $b
              i32.const 0x10
              i32.lt_u
              br_if $lt0
              block $lt1
                local.get $b
                i32.const 0x40
                i32.lt_u
                br_if $lt1
                block $lt2
                  local.get $b
                  i32.const 0x80
                  i32.lt_u
                  br_if $lt2
                  ;; top bit 7
                  local.get $b
                  i32.const 0xff
                  i32.eq
                  if
                    ;; b = 2^8 - 1: a & b = a mod 2^8; a byte b0 mod 2^8 = (((b0 << 0) & 255) << 8) >> 8
                    i32.const 0
                    local.get $a
                    i32.store8
                    i32.const 0
                    i32.load8_u
                    local.get $acc
                    i32.add
                    return
                  end
                  ;; a := a << 24, its bit 7 on top
                  i32.const 0
                  i32.const 0
                  i32.store
                  i32.const 0
                  local.get $a
                  i32.store8 offset=3
                  i32.const 0
                  i32.load
                  local.set $a
                  br $s7
                end
                ;; top bit 6
                local.get $b
                i32.const 0x7f
                i32.eq
                if
                  ;; b = 2^7 - 1: a & b = a mod 2^7; a byte b0 mod 2^7 = (((b0 << 1) & 255) << 7) >> 8
                  i32.const 0
                  local.get $a
                  local.get $a
                  i32.add
                  i32.store8
                  i32.const 0
                  i32.load8_u
                  local.set $a
                  i32.const 0
                  local.get $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  i32.store
                  i32.const 0
                  i32.load8_u offset=1
                  local.get $acc
                  i32.add
                  return
                end
                ;; a := a << 25, its bit 6 on top
                i32.const 0
                i32.const 0
                i32.store
                i32.const 0
                local.get $a
                i32.store8 offset=3
                i32.const 0
                i32.load
                local.set $a
                local.get $a
                local.get $a
                i32.add
                local.set $a
                br $s6
              end
              block $lt3
                local.get $b
                i32.const 0x20
                i32.lt_u
                br_if $lt3
                ;; top bit 5
                local.get $b
                i32.const 0x3f
                i32.eq
                if
                  ;; b = 2^6 - 1: a & b = a mod 2^6; a byte b0 mod 2^6 = (((b0 << 2) & 255) << 6) >> 8
                  i32.const 0
                  local.get $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  i32.store8
                  i32.const 0
                  i32.load8_u
                  local.set $a
                  i32.const 0
                  local.get $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  i32.store
                  i32.const 0
                  i32.load8_u offset=1
                  local.get $acc
                  i32.add
                  return
                end
                ;; a := a << 26, its bit 5 on top
                i32.const 0
                i32.const 0
                i32.store
                i32.const 0
                local.get $a
                i32.store8 offset=3
                i32.const 0
                i32.load
                local.set $a
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.set $a
                br $s5
              end
              ;; top bit 4
              local.get $b
              i32.const 0x1f
              i32.eq
              if
                ;; b = 2^5 - 1: a & b = a mod 2^5; a byte b0 mod 2^5 = (((b0 << 3) & 255) << 5) >> 8
                i32.const 0
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store8
                i32.const 0
                i32.load8_u
                local.set $a
                i32.const 0
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store
                i32.const 0
                i32.load8_u offset=1
                local.get $acc
                i32.add
                return
              end
              ;; a := a << 27, its bit 4 on top
              i32.const 0
              i32.const 0
              i32.store
              i32.const 0
              local.get $a
              i32.store8 offset=3
              i32.const 0
              i32.load
              local.set $a
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.set $a
              br $s4
            end
            block $lt4
              local.get $b
              i32.const 0x4
              i32.lt_u
              br_if $lt4
              block $lt5
                local.get $b
                i32.const 0x8
                i32.lt_u
                br_if $lt5
                ;; top bit 3
                local.get $b
                i32.const 0xf
                i32.eq
                if
                  ;; b = 2^4 - 1: a & b = a mod 2^4; a byte b0 mod 2^4 = (((b0 << 4) & 255) << 4) >> 8
                  i32.const 0
                  local.get $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  i32.store8
                  i32.const 0
                  i32.load8_u
                  local.set $a
                  i32.const 0
                  local.get $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  local.tee $a
                  local.get $a
                  i32.add
                  i32.store
                  i32.const 0
                  i32.load8_u offset=1
                  local.get $acc
                  i32.add
                  return
                end
                ;; a := a << 28, its bit 3 on top
                i32.const 0
                i32.const 0
                i32.store
                i32.const 0
                local.get $a
                i32.store8 offset=3
                i32.const 0
                i32.load
                local.set $a
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.set $a
                br $s3
              end
              ;; top bit 2
              local.get $b
              i32.const 0x7
              i32.eq
              if
                ;; b = 2^3 - 1: a & b = a mod 2^3; a byte b0 mod 2^3 = (((b0 << 5) & 255) << 3) >> 8
                i32.const 0
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store8
                i32.const 0
                i32.load8_u
                local.set $a
                i32.const 0
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store
                i32.const 0
                i32.load8_u offset=1
                local.get $acc
                i32.add
                return
              end
              ;; a := a << 29, its bit 2 on top
              i32.const 0
              i32.const 0
              i32.store
              i32.const 0
              local.get $a
              i32.store8 offset=3
              i32.const 0
              i32.load
              local.set $a
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.set $a
              br $s2
            end
            block $lt6
              local.get $b
              i32.const 0x2
              i32.lt_u
              br_if $lt6
              ;; top bit 1
              local.get $b
              i32.const 0x3
              i32.eq
              if
                ;; b = 2^2 - 1: a & b = a mod 2^2; a byte b0 mod 2^2 = (((b0 << 6) & 255) << 2) >> 8
                i32.const 0
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store8
                i32.const 0
                i32.load8_u
                local.set $a
                i32.const 0
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store
                i32.const 0
                i32.load8_u offset=1
                local.get $acc
                i32.add
                return
              end
              ;; a := a << 30, its bit 1 on top
              i32.const 0
              i32.const 0
              i32.store
              i32.const 0
              local.get $a
              i32.store8 offset=3
              i32.const 0
              i32.load
              local.set $a
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.set $a
              br $s1
            end
            ;; top bit 0
            ;; b = 1: a & 1 is a itself when a is 0 or 1 (C booleans), else its low bit
            local.get $a
            i32.const 2
            i32.lt_u
            if
              local.get $a
              local.get $acc
              i32.add
              return
            end
            ;; b = 2^1 - 1: a & b = a mod 2^1; a byte b0 mod 2^1 = (((b0 << 7) & 255) << 1) >> 8
            i32.const 0
            local.get $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            i32.store8
            i32.const 0
            i32.load8_u
            local.set $a
            i32.const 0
            local.get $a
            local.get $a
            i32.add
            i32.store
            i32.const 0
            i32.load8_u offset=1
            local.get $acc
            i32.add
            return
          end
          block $lt7
            local.get $b
            i32.const 0x1000
            i32.lt_u
            br_if $lt7
            block $lt8
              local.get $b
              i32.const 0x4000
              i32.lt_u
              br_if $lt8
              block $lt9
                local.get $b
                i32.const 0x8000
                i32.lt_u
                br_if $lt9
                ;; top bit 15
                local.get $b
                i32.const 0xffff
                i32.eq
                if
                  ;; b = 2^16 - 1: a & b = a mod 2^16; a byte b0 mod 2^8 = (((b0 << 0) & 255) << 8) >> 8
                  i32.const 0
                  local.get $a
                  i32.store16
                  i32.const 0
                  i32.load16_u
                  local.get $acc
                  i32.add
                  return
                end
                ;; a := a << 16, its bit 15 on top
                i32.const 0
                i32.const 0
                i32.store
                i32.const 0
                local.get $a
                i32.store16 offset=2
                i32.const 0
                i32.load
                local.set $a
                br $s15
              end
              ;; top bit 14
              local.get $b
              i32.const 0x7fff
              i32.eq
              if
                ;; b = 2^15 - 1: a & b = a mod 2^15; a byte b0 mod 2^7 = (((b0 << 1) & 255) << 7) >> 8
                i32.const 0
                local.get $a
                i32.store
                i32.const 0
                i32.load8_u offset=1
                local.set $a
                i32.const 4
                local.get $a
                local.get $a
                i32.add
                i32.store8
                i32.const 4
                i32.load8_u
                local.set $a
                i32.const 4
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store
                i32.const 0
                i32.const 0
                i32.store16 offset=2
                i32.const 0
                i32.const 0
                i32.load8_u offset=5
                i32.store8 offset=1
                i32.const 0
                i32.load
                local.get $acc
                i32.add
                return
              end
              ;; a := a << 17, its bit 14 on top
              i32.const 0
              i32.const 0
              i32.store
              i32.const 0
              local.get $a
              i32.store16 offset=2
              i32.const 0
              i32.load
              local.set $a
              local.get $a
              local.get $a
              i32.add
              local.set $a
              br $s14
            end
            block $lt10
              local.get $b
              i32.const 0x2000
              i32.lt_u
              br_if $lt10
              ;; top bit 13
              local.get $b
              i32.const 0x3fff
              i32.eq
              if
                ;; b = 2^14 - 1: a & b = a mod 2^14; a byte b0 mod 2^6 = (((b0 << 2) & 255) << 6) >> 8
                i32.const 0
                local.get $a
                i32.store
                i32.const 0
                i32.load8_u offset=1
                local.set $a
                i32.const 4
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store8
                i32.const 4
                i32.load8_u
                local.set $a
                i32.const 4
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store
                i32.const 0
                i32.const 0
                i32.store16 offset=2
                i32.const 0
                i32.const 0
                i32.load8_u offset=5
                i32.store8 offset=1
                i32.const 0
                i32.load
                local.get $acc
                i32.add
                return
              end
              ;; a := a << 18, its bit 13 on top
              i32.const 0
              i32.const 0
              i32.store
              i32.const 0
              local.get $a
              i32.store16 offset=2
              i32.const 0
              i32.load
              local.set $a
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.set $a
              br $s13
            end
            ;; top bit 12
            local.get $b
            i32.const 0x1fff
            i32.eq
            if
              ;; b = 2^13 - 1: a & b = a mod 2^13; a byte b0 mod 2^5 = (((b0 << 3) & 255) << 5) >> 8
              i32.const 0
              local.get $a
              i32.store
              i32.const 0
              i32.load8_u offset=1
              local.set $a
              i32.const 4
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              i32.store8
              i32.const 4
              i32.load8_u
              local.set $a
              i32.const 4
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              i32.store
              i32.const 0
              i32.const 0
              i32.store16 offset=2
              i32.const 0
              i32.const 0
              i32.load8_u offset=5
              i32.store8 offset=1
              i32.const 0
              i32.load
              local.get $acc
              i32.add
              return
            end
            ;; a := a << 19, its bit 12 on top
            i32.const 0
            i32.const 0
            i32.store
            i32.const 0
            local.get $a
            i32.store16 offset=2
            i32.const 0
            i32.load
            local.set $a
            local.get $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.set $a
            br $s12
          end
          block $lt11
            local.get $b
            i32.const 0x400
            i32.lt_u
            br_if $lt11
            block $lt12
              local.get $b
              i32.const 0x800
              i32.lt_u
              br_if $lt12
              ;; top bit 11
              local.get $b
              i32.const 0xfff
              i32.eq
              if
                ;; b = 2^12 - 1: a & b = a mod 2^12; a byte b0 mod 2^4 = (((b0 << 4) & 255) << 4) >> 8
                i32.const 0
                local.get $a
                i32.store
                i32.const 0
                i32.load8_u offset=1
                local.set $a
                i32.const 4
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store8
                i32.const 4
                i32.load8_u
                local.set $a
                i32.const 4
                local.get $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                local.tee $a
                local.get $a
                i32.add
                i32.store
                i32.const 0
                i32.const 0
                i32.store16 offset=2
                i32.const 0
                i32.const 0
                i32.load8_u offset=5
                i32.store8 offset=1
                i32.const 0
                i32.load
                local.get $acc
                i32.add
                return
              end
              ;; a := a << 20, its bit 11 on top
              i32.const 0
              i32.const 0
              i32.store
              i32.const 0
              local.get $a
              i32.store16 offset=2
              i32.const 0
              i32.load
              local.set $a
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.set $a
              br $s11
            end
            ;; top bit 10
            local.get $b
            i32.const 0x7ff
            i32.eq
            if
              ;; b = 2^11 - 1: a & b = a mod 2^11; a byte b0 mod 2^3 = (((b0 << 5) & 255) << 3) >> 8
              i32.const 0
              local.get $a
              i32.store
              i32.const 0
              i32.load8_u offset=1
              local.set $a
              i32.const 4
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              i32.store8
              i32.const 4
              i32.load8_u
              local.set $a
              i32.const 4
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              i32.store
              i32.const 0
              i32.const 0
              i32.store16 offset=2
              i32.const 0
              i32.const 0
              i32.load8_u offset=5
              i32.store8 offset=1
              i32.const 0
              i32.load
              local.get $acc
              i32.add
              return
            end
            ;; a := a << 21, its bit 10 on top
            i32.const 0
            i32.const 0
            i32.store
            i32.const 0
            local.get $a
            i32.store16 offset=2
            i32.const 0
            i32.load
            local.set $a
            local.get $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.set $a
            br $s10
          end
          block $lt13
            local.get $b
            i32.const 0x200
            i32.lt_u
            br_if $lt13
            ;; top bit 9
            local.get $b
            i32.const 0x3ff
            i32.eq
            if
              ;; b = 2^10 - 1: a & b = a mod 2^10; a byte b0 mod 2^2 = (((b0 << 6) & 255) << 2) >> 8
              i32.const 0
              local.get $a
              i32.store
              i32.const 0
              i32.load8_u offset=1
              local.set $a
              i32.const 4
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              i32.store8
              i32.const 4
              i32.load8_u
              local.set $a
              i32.const 4
              local.get $a
              local.get $a
              i32.add
              local.tee $a
              local.get $a
              i32.add
              i32.store
              i32.const 0
              i32.const 0
              i32.store16 offset=2
              i32.const 0
              i32.const 0
              i32.load8_u offset=5
              i32.store8 offset=1
              i32.const 0
              i32.load
              local.get $acc
              i32.add
              return
            end
            ;; a := a << 22, its bit 9 on top
            i32.const 0
            i32.const 0
            i32.store
            i32.const 0
            local.get $a
            i32.store16 offset=2
            i32.const 0
            i32.load
            local.set $a
            local.get $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.set $a
            br $s9
          end
          ;; top bit 8
          local.get $b
          i32.const 0x1ff
          i32.eq
          if
            ;; b = 2^9 - 1: a & b = a mod 2^9; a byte b0 mod 2^1 = (((b0 << 7) & 255) << 1) >> 8
            i32.const 0
            local.get $a
            i32.store
            i32.const 0
            i32.load8_u offset=1
            local.set $a
            i32.const 4
            local.get $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            local.tee $a
            local.get $a
            i32.add
            i32.store8
            i32.const 4
            i32.load8_u
            local.set $a
            i32.const 4
            local.get $a
            local.get $a
            i32.add
            i32.store
            i32.const 0
            i32.const 0
            i32.store16 offset=2
            i32.const 0
            i32.const 0
            i32.load8_u offset=5
            i32.store8 offset=1
            i32.const 0
            i32.load
            local.get $acc
            i32.add
            return
          end
          ;; a := a << 23, its bit 8 on top
          i32.const 0
          i32.const 0
          i32.store
          i32.const 0
          local.get $a
          i32.store16 offset=2
          i32.const 0
          i32.load
          local.set $a
          local.get $a
          local.get $a
          i32.add
          local.tee $a
          local.get $a
          i32.add
          local.tee $a
          local.get $a
          i32.add
          local.tee $a
          local.get $a
          i32.add
          local.tee $a
          local.get $a
          i32.add
          local.tee $a
          local.get $a
          i32.add
          local.tee $a
          local.get $a
          i32.add
          local.set $a
          br $s8
        end
        ;; 2^16 <= b < 2^24: a := a << 8, walk from bit 23
        i32.const 0
        local.get $a
        i32.store offset=1
        i32.const 0
        i32.const 0
        i32.store8
        i32.const 0
        i32.load
        local.set $a
        br $s23
      end
      ;; 2^24 <= b < 2^31: a := a << 1, walk from bit 30
      local.get $a
      local.get $a
      i32.add
      local.set $a
      br $s30
    end
    ;; bit 30
    block $zero14
      local.get $b
      i32.const 0x40000000
      i32.lt_u
      br_if $zero14
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x40000000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x40000000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 29
    block $zero15
      local.get $b
      i32.const 0x20000000
      i32.lt_u
      br_if $zero15
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x20000000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x20000000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 28
    block $zero16
      local.get $b
      i32.const 0x10000000
      i32.lt_u
      br_if $zero16
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x10000000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x10000000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 27
    block $zero17
      local.get $b
      i32.const 0x8000000
      i32.lt_u
      br_if $zero17
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x8000000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x8000000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 26
    block $zero18
      local.get $b
      i32.const 0x4000000
      i32.lt_u
      br_if $zero18
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x4000000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x4000000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 25
    block $zero19
      local.get $b
      i32.const 0x2000000
      i32.lt_u
      br_if $zero19
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x2000000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x2000000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 24
    block $zero20
      local.get $b
      i32.const 0x1000000
      i32.lt_u
      br_if $zero20
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x1000000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x1000000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 23
    block $zero21
      local.get $b
      i32.const 0x800000
      i32.lt_u
      br_if $zero21
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x800000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x800000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 22
    block $zero22
      local.get $b
      i32.const 0x400000
      i32.lt_u
      br_if $zero22
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x400000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x400000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 21
    block $zero23
      local.get $b
      i32.const 0x200000
      i32.lt_u
      br_if $zero23
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x200000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x200000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 20
    block $zero24
      local.get $b
      i32.const 0x100000
      i32.lt_u
      br_if $zero24
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x100000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x100000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 19
    block $zero25
      local.get $b
      i32.const 0x80000
      i32.lt_u
      br_if $zero25
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x80000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x80000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 18
    block $zero26
      local.get $b
      i32.const 0x40000
      i32.lt_u
      br_if $zero26
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x40000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x40000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 17
    block $zero27
      local.get $b
      i32.const 0x20000
      i32.lt_u
      br_if $zero27
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x20000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x20000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 16
    block $zero28
      local.get $b
      i32.const 0x10000
      i32.lt_u
      br_if $zero28
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x10000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x10000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 15
    block $zero29
      local.get $b
      i32.const 0x8000
      i32.lt_u
      br_if $zero29
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x8000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x8000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 14
    block $zero30
      local.get $b
      i32.const 0x4000
      i32.lt_u
      br_if $zero30
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x4000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x4000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 13
    block $zero31
      local.get $b
      i32.const 0x2000
      i32.lt_u
      br_if $zero31
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x2000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x2000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 12
    block $zero32
      local.get $b
      i32.const 0x1000
      i32.lt_u
      br_if $zero32
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x1000
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x1000
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 11
    block $zero33
      local.get $b
      i32.const 0x800
      i32.lt_u
      br_if $zero33
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x800
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x800
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 10
    block $zero34
      local.get $b
      i32.const 0x400
      i32.lt_u
      br_if $zero34
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x400
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x400
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 9
    block $zero35
      local.get $b
      i32.const 0x200
      i32.lt_u
      br_if $zero35
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x200
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x200
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 8
    block $zero36
      local.get $b
      i32.const 0x100
      i32.lt_u
      br_if $zero36
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x100
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x100
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 7
    block $zero37
      local.get $b
      i32.const 0x80
      i32.lt_u
      br_if $zero37
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x80
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x80
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 6
    block $zero38
      local.get $b
      i32.const 0x40
      i32.lt_u
      br_if $zero38
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x40
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x40
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 5
    block $zero39
      local.get $b
      i32.const 0x20
      i32.lt_u
      br_if $zero39
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x20
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x20
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 4
    block $zero40
      local.get $b
      i32.const 0x10
      i32.lt_u
      br_if $zero40
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x10
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x10
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 3
    block $zero41
      local.get $b
      i32.const 0x8
      i32.lt_u
      br_if $zero41
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x8
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x8
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 2
    block $zero42
      local.get $b
      i32.const 0x4
      i32.lt_u
      br_if $zero42
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x4
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x4
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 1
    block $zero43
      local.get $b
      i32.const 0x2
      i32.lt_u
      br_if $zero43
      local.get $a
      i32.const 0
      i32.lt_s
      if
        local.get $acc
        i32.const 0x2
        i32.add
        local.set $acc
      end
      local.get $b
      i32.const 0x2
      i32.sub
      local.tee $b
      i32.eqz
      if
        local.get $acc
        return
      end
    end
    local.get $a
    local.get $a
    i32.add
    local.set $a
    end
    ;; bit 0: b is 0 or 1
    local.get $acc
    local.get $b
    i32.const 0
    local.get $a
    i32.const 0
    i32.lt_s
    select
    i32.add
  )

  ;; a | b = a + b - (a & b)
  (func $or (export "or") (param $a i32) (param $b i32) (result i32)
    local.get $a
    local.get $b
    i32.add
    local.get $a
    local.get $b
    call $and
    i32.sub
  )

  ;; a ^ b = a + b - 2 (a & b)
  (func $xor (export "xor") (param $a i32) (param $b i32) (result i32)
    (local $t i32)
    local.get $a
    local.get $b
    i32.add
    local.get $a
    local.get $b
    call $and
    local.tee $t
    local.get $t
    i32.add
    i32.sub
  )

  ;; x << (c mod 32): whole bytes by storing x at a byte offset, then 0..7 doublings.
  (func $shl (export "shl") (param $x i32) (param $c i32) (result i32)
    ;; the count is taken mod 32; counts of 32 or more are rare: keep the low byte, drop 128/64/32
    block $count0
      local.get $c
      i32.const 32
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 32
      i32.ge_u
      if
        local.get $c
        i32.const 32
        i32.sub
        local.set $c
      end
    end
    block $bits
      block $k1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $k1
        block $k2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $k2
          ;; 3 whole bytes
          i32.const 0
          i32.const 0
          i32.store
          i32.const 0
          local.get $x
          i32.store offset=3
          i32.const 0
          i32.load
          local.set $x
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        i32.const 0
        i32.store
        i32.const 0
        local.get $x
        i32.store offset=2
        i32.const 0
        i32.load
        local.set $x
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $k3
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $k3
        ;; 1 whole byte
        i32.const 0
        i32.const 0
        i32.store
        i32.const 0
        local.get $x
        i32.store offset=1
        i32.const 0
        i32.load
        local.set $x
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
    end
    ;; 0..7 more bits
    block $lt4
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt4
      block $lt5
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt5
        block $lt6
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt6
          ;; 7 bits
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          return
        end
        ;; 6 bits
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        return
      end
      block $lt7
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt7
        ;; 5 bits
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        return
      end
      ;; 4 bits
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      return
    end
    block $lt8
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt8
      block $lt9
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt9
        ;; 3 bits
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        return
      end
      ;; 2 bits
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      return
    end
    block $lt10
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt10
      ;; 1 bits
      local.get $x
      local.get $x
      i32.add
      return
    end
    ;; 0 bits
    local.get $x
    return
  )

  ;; x >>s (c mod 32): whole bytes by a load at a byte offset (bytes 4..7 hold the
  ;; sign fill), then 0 < r < 8 bits as y >> r = (y << (8 - r)) >> 8 while y << (8 - r)
  ;; fits; otherwise y >> r = ((y >> 8) << (8 - r)) + ((low byte of y) << (8 - r)) >> 8.
  (func $shr_s (export "shr_s") (param $x i32) (param $c i32) (result i32)
    (local $lo i32)
    ;; the count is taken mod 32; counts of 32 or more are rare: keep the low byte, drop 128/64/32
    block $count0
      local.get $c
      i32.const 32
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 32
      i32.ge_u
      if
        local.get $c
        i32.const 32
        i32.sub
        local.set $c
      end
    end
    i32.const 4
    i32.const 0
    local.get $x
    i32.const 0
    i32.lt_s
    i32.sub
    i32.store
    block $bits
      block $k1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $k1
        block $k2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $k2
          ;; 3 whole bytes
          i32.const 0
          local.get $x
          i32.store
          i32.const 0
          i32.load offset=3
          local.set $x
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $x
        i32.store
        i32.const 0
        i32.load offset=2
        local.set $x
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $k3
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $k3
        ;; 1 whole byte
        i32.const 0
        local.get $x
        i32.store
        i32.const 0
        i32.load offset=1
        local.set $x
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      ;; no whole bytes: the short form needs x << 7 to fit
      local.get $x
      i32.const 0x1000000
      i32.add
      i32.const 0x2000000
      i32.lt_u
      br_if $bits
      ;; x >> r = ((x >> 8) << (8 - r)) + ((low byte of x) << (8 - r)) >> 8
      i32.const 0
      local.get $x
      i32.store
      i32.const 0
      i32.load8_u
      local.set $lo
      i32.const 0
      i32.load offset=1
      local.set $x
      block $lt4
        local.get $c
        i32.const 4
        i32.lt_u
        br_if $lt4
        block $lt5
          local.get $c
          i32.const 6
          i32.lt_u
          br_if $lt5
          block $lt6
            local.get $c
            i32.const 7
            i32.lt_u
            br_if $lt6
            ;; 7 bits
            i32.const 0
            local.get $lo
            local.get $lo
            i32.add
            i32.store
            local.get $x
            local.get $x
            i32.add
            i32.const 0
            i32.load8_u offset=1
            i32.add
            return
          end
          ;; 6 bits
          i32.const 0
          local.get $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          i32.store
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          i32.const 0
          i32.load8_u offset=1
          i32.add
          return
        end
        block $lt7
          local.get $c
          i32.const 5
          i32.lt_u
          br_if $lt7
          ;; 5 bits
          i32.const 0
          local.get $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          i32.store
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          i32.const 0
          i32.load8_u offset=1
          i32.add
          return
        end
        ;; 4 bits
        i32.const 0
        local.get $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      block $lt8
        local.get $c
        i32.const 2
        i32.lt_u
        br_if $lt8
        block $lt9
          local.get $c
          i32.const 3
          i32.lt_u
          br_if $lt9
          ;; 3 bits
          i32.const 0
          local.get $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          i32.store
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          i32.const 0
          i32.load8_u offset=1
          i32.add
          return
        end
        ;; 2 bits
        i32.const 0
        local.get $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      block $lt10
        local.get $c
        i32.const 1
        i32.lt_u
        br_if $lt10
        ;; 1 bits
        i32.const 0
        local.get $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      ;; 0 bits
      i32.const 0
      i32.load
      return
    end
    ;; 0..7 more bits: y >> r = (y << (8 - r)) >> 8, as y << 7 fits
    block $lt11
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt11
      block $lt12
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt12
        block $lt13
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt13
          ;; 7 bits
          i32.const 0
          local.get $x
          local.get $x
          i32.add
          i32.store
          i32.const 0
          i32.load offset=1
          return
        end
        ;; 6 bits
        i32.const 0
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.store
        i32.const 0
        i32.load offset=1
        return
      end
      block $lt14
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt14
        ;; 5 bits
        i32.const 0
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.store
        i32.const 0
        i32.load offset=1
        return
      end
      ;; 4 bits
      i32.const 0
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.store
      i32.const 0
      i32.load offset=1
      return
    end
    block $lt15
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt15
      block $lt16
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt16
        ;; 3 bits
        i32.const 0
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.store
        i32.const 0
        i32.load offset=1
        return
      end
      ;; 2 bits
      i32.const 0
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.store
      i32.const 0
      i32.load offset=1
      return
    end
    block $lt17
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt17
      ;; 1 bits
      i32.const 0
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.store
      i32.const 0
      i32.load offset=1
      return
    end
    ;; 0 bits
    local.get $x
    return
  )

  ;; x >>u (c mod 32): whole bytes by a load at a byte offset (bytes 4..7 hold the
  ;; zero fill), then 0 < r < 8 bits as y >> r = (y << (8 - r)) >> 8 while y << (8 - r)
  ;; fits; otherwise y >> r = ((y >> 8) << (8 - r)) + ((low byte of y) << (8 - r)) >> 8.
  (func $shr_u (export "shr_u") (param $x i32) (param $c i32) (result i32)
    (local $lo i32)
    ;; the count is taken mod 32; counts of 32 or more are rare: keep the low byte, drop 128/64/32
    block $count0
      local.get $c
      i32.const 32
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 32
      i32.ge_u
      if
        local.get $c
        i32.const 32
        i32.sub
        local.set $c
      end
    end
    i32.const 4
    i32.const 0
    i32.store
    block $bits
      block $k1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $k1
        block $k2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $k2
          ;; 3 whole bytes
          i32.const 0
          local.get $x
          i32.store
          i32.const 0
          i32.load offset=3
          local.set $x
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $x
        i32.store
        i32.const 0
        i32.load offset=2
        local.set $x
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $k3
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $k3
        ;; 1 whole byte
        i32.const 0
        local.get $x
        i32.store
        i32.const 0
        i32.load offset=1
        local.set $x
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      ;; no whole bytes: the short form needs x << 7 to fit
      local.get $x
      i32.const 0x2000000
      i32.lt_u
      br_if $bits
      ;; x >> r = ((x >> 8) << (8 - r)) + ((low byte of x) << (8 - r)) >> 8
      i32.const 0
      local.get $x
      i32.store
      i32.const 0
      i32.load8_u
      local.set $lo
      i32.const 0
      i32.load offset=1
      local.set $x
      block $lt4
        local.get $c
        i32.const 4
        i32.lt_u
        br_if $lt4
        block $lt5
          local.get $c
          i32.const 6
          i32.lt_u
          br_if $lt5
          block $lt6
            local.get $c
            i32.const 7
            i32.lt_u
            br_if $lt6
            ;; 7 bits
            i32.const 0
            local.get $lo
            local.get $lo
            i32.add
            i32.store
            local.get $x
            local.get $x
            i32.add
            i32.const 0
            i32.load8_u offset=1
            i32.add
            return
          end
          ;; 6 bits
          i32.const 0
          local.get $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          i32.store
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          i32.const 0
          i32.load8_u offset=1
          i32.add
          return
        end
        block $lt7
          local.get $c
          i32.const 5
          i32.lt_u
          br_if $lt7
          ;; 5 bits
          i32.const 0
          local.get $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          i32.store
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          i32.const 0
          i32.load8_u offset=1
          i32.add
          return
        end
        ;; 4 bits
        i32.const 0
        local.get $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      block $lt8
        local.get $c
        i32.const 2
        i32.lt_u
        br_if $lt8
        block $lt9
          local.get $c
          i32.const 3
          i32.lt_u
          br_if $lt9
          ;; 3 bits
          i32.const 0
          local.get $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          local.tee $lo
          local.get $lo
          i32.add
          i32.store
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          i32.const 0
          i32.load8_u offset=1
          i32.add
          return
        end
        ;; 2 bits
        i32.const 0
        local.get $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      block $lt10
        local.get $c
        i32.const 1
        i32.lt_u
        br_if $lt10
        ;; 1 bits
        i32.const 0
        local.get $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        local.tee $lo
        local.get $lo
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      ;; 0 bits
      i32.const 0
      i32.load
      return
    end
    ;; 0..7 more bits: y >> r = (y << (8 - r)) >> 8, as y << 7 fits
    block $lt11
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt11
      block $lt12
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt12
        block $lt13
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt13
          ;; 7 bits
          i32.const 0
          local.get $x
          local.get $x
          i32.add
          i32.store
          i32.const 0
          i32.load offset=1
          return
        end
        ;; 6 bits
        i32.const 0
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.store
        i32.const 0
        i32.load offset=1
        return
      end
      block $lt14
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt14
        ;; 5 bits
        i32.const 0
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.store
        i32.const 0
        i32.load offset=1
        return
      end
      ;; 4 bits
      i32.const 0
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.store
      i32.const 0
      i32.load offset=1
      return
    end
    block $lt15
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt15
      block $lt16
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt16
        ;; 3 bits
        i32.const 0
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.store
        i32.const 0
        i32.load offset=1
        return
      end
      ;; 2 bits
      i32.const 0
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.store
      i32.const 0
      i32.load offset=1
      return
    end
    block $lt17
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt17
      ;; 1 bits
      i32.const 0
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.store
      i32.const 0
      i32.load offset=1
      return
    end
    ;; 0 bits
    local.get $x
    return
  )

  ;; rotl(x, c mod 32): whole bytes by a load from two stored copies of x, then 0 < r < 8 bits as
  ;; (x << r) + (top byte << r) >> 8.
  (func $rotl (export "rotl") (param $x i32) (param $c i32) (result i32)
    (local $t i32)
    ;; the count is taken mod 32; counts of 32 or more are rare: keep the low byte, drop 128/64/32
    block $count0
      local.get $c
      i32.const 32
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 32
      i32.ge_u
      if
        local.get $c
        i32.const 32
        i32.sub
        local.set $c
      end
    end
    i32.const 0
    local.get $x
    i32.store
    block $bits
      block $k1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $k1
        block $k2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $k2
          ;; 3 whole bytes
          i32.const 0
          local.get $x
          i32.store offset=4
          i32.const 0
          i32.load offset=1
          local.set $x
          i32.const 0
          i32.load8_u offset=4
          local.set $t
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $x
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $x
        i32.const 0
        i32.load8_u offset=5
        local.set $t
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $k3
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $k3
        ;; 1 whole byte
        i32.const 0
        local.get $x
        i32.store offset=4
        i32.const 0
        i32.load offset=3
        local.set $x
        i32.const 0
        i32.load8_u offset=6
        local.set $t
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      i32.const 0
      i32.load8_u offset=3
      local.set $t
    end
    ;; 0..7 more bits: (x << r) + (t << r) >> 8, t the top byte of x
    block $lt4
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt4
      block $lt5
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt5
        block $lt6
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt6
          ;; 7 bits
          i32.const 0
          local.get $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          i32.store
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          i32.const 0
          i32.load8_u offset=1
          i32.add
          return
        end
        ;; 6 bits
        i32.const 0
        local.get $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      block $lt7
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt7
        ;; 5 bits
        i32.const 0
        local.get $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      ;; 4 bits
      i32.const 0
      local.get $t
      local.get $t
      i32.add
      local.tee $t
      local.get $t
      i32.add
      local.tee $t
      local.get $t
      i32.add
      local.tee $t
      local.get $t
      i32.add
      i32.store
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.const 0
      i32.load8_u offset=1
      i32.add
      return
    end
    block $lt8
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt8
      block $lt9
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt9
        ;; 3 bits
        i32.const 0
        local.get $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      ;; 2 bits
      i32.const 0
      local.get $t
      local.get $t
      i32.add
      local.tee $t
      local.get $t
      i32.add
      i32.store
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.const 0
      i32.load8_u offset=1
      i32.add
      return
    end
    block $lt10
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt10
      ;; 1 bits
      i32.const 0
      local.get $t
      local.get $t
      i32.add
      i32.store
      local.get $x
      local.get $x
      i32.add
      i32.const 0
      i32.load8_u offset=1
      i32.add
      return
    end
    ;; 0 bits
    local.get $x
    return
  )

  ;; rotr(x, c) = rotl(x, 32 - (c mod 32)); same steps as rotl.
  (func $rotr (export "rotr") (param $x i32) (param $c i32) (result i32)
    (local $t i32)
    ;; the count is taken mod 32; counts of 32 or more are rare: keep the low byte, drop 128/64/32
    block $count0
      local.get $c
      i32.const 32
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 32
      i32.ge_u
      if
        local.get $c
        i32.const 32
        i32.sub
        local.set $c
      end
    end
    local.get $c
    i32.eqz
    if
      local.get $x
      return
    end
    i32.const 32
    local.get $c
    i32.sub
    local.set $c
    i32.const 0
    local.get $x
    i32.store
    block $bits
      block $k1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $k1
        block $k2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $k2
          ;; 3 whole bytes
          i32.const 0
          local.get $x
          i32.store offset=4
          i32.const 0
          i32.load offset=1
          local.set $x
          i32.const 0
          i32.load8_u offset=4
          local.set $t
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $x
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $x
        i32.const 0
        i32.load8_u offset=5
        local.set $t
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $k3
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $k3
        ;; 1 whole byte
        i32.const 0
        local.get $x
        i32.store offset=4
        i32.const 0
        i32.load offset=3
        local.set $x
        i32.const 0
        i32.load8_u offset=6
        local.set $t
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      i32.const 0
      i32.load8_u offset=3
      local.set $t
    end
    ;; 0..7 more bits: (x << r) + (t << r) >> 8, t the top byte of x
    block $lt4
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt4
      block $lt5
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt5
        block $lt6
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt6
          ;; 7 bits
          i32.const 0
          local.get $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          local.tee $t
          local.get $t
          i32.add
          i32.store
          local.get $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          local.tee $x
          local.get $x
          i32.add
          i32.const 0
          i32.load8_u offset=1
          i32.add
          return
        end
        ;; 6 bits
        i32.const 0
        local.get $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      block $lt7
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt7
        ;; 5 bits
        i32.const 0
        local.get $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      ;; 4 bits
      i32.const 0
      local.get $t
      local.get $t
      i32.add
      local.tee $t
      local.get $t
      i32.add
      local.tee $t
      local.get $t
      i32.add
      local.tee $t
      local.get $t
      i32.add
      i32.store
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.const 0
      i32.load8_u offset=1
      i32.add
      return
    end
    block $lt8
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt8
      block $lt9
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt9
        ;; 3 bits
        i32.const 0
        local.get $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        local.tee $t
        local.get $t
        i32.add
        i32.store
        local.get $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        local.tee $x
        local.get $x
        i32.add
        i32.const 0
        i32.load8_u offset=1
        i32.add
        return
      end
      ;; 2 bits
      i32.const 0
      local.get $t
      local.get $t
      i32.add
      local.tee $t
      local.get $t
      i32.add
      i32.store
      local.get $x
      local.get $x
      i32.add
      local.tee $x
      local.get $x
      i32.add
      i32.const 0
      i32.load8_u offset=1
      i32.add
      return
    end
    block $lt10
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt10
      ;; 1 bits
      i32.const 0
      local.get $t
      local.get $t
      i32.add
      i32.store
      local.get $x
      local.get $x
      i32.add
      i32.const 0
      i32.load8_u offset=1
      i32.add
      return
    end
    ;; 0 bits
    local.get $x
    return
  )

  ;; count of leading zero bits: a binary search on x against powers of two.
  (func $clz (export "clz") (param $x i32) (result i32)
    block $lt0
      local.get $x
      i32.const 0x10000
      i32.lt_u
      br_if $lt0
      block $lt1
        local.get $x
        i32.const 0x1000000
        i32.lt_u
        br_if $lt1
        block $lt2
          local.get $x
          i32.const 0x10000000
          i32.lt_u
          br_if $lt2
          block $lt3
            local.get $x
            i32.const 0x40000000
            i32.lt_u
            br_if $lt3
            block $lt4
              local.get $x
              i32.const 0x80000000
              i32.lt_u
              br_if $lt4
              i32.const 0
              return
            end
            i32.const 1
            return
          end
          block $lt5
            local.get $x
            i32.const 0x20000000
            i32.lt_u
            br_if $lt5
            i32.const 2
            return
          end
          i32.const 3
          return
        end
        block $lt6
          local.get $x
          i32.const 0x4000000
          i32.lt_u
          br_if $lt6
          block $lt7
            local.get $x
            i32.const 0x8000000
            i32.lt_u
            br_if $lt7
            i32.const 4
            return
          end
          i32.const 5
          return
        end
        block $lt8
          local.get $x
          i32.const 0x2000000
          i32.lt_u
          br_if $lt8
          i32.const 6
          return
        end
        i32.const 7
        return
      end
      block $lt9
        local.get $x
        i32.const 0x100000
        i32.lt_u
        br_if $lt9
        block $lt10
          local.get $x
          i32.const 0x400000
          i32.lt_u
          br_if $lt10
          block $lt11
            local.get $x
            i32.const 0x800000
            i32.lt_u
            br_if $lt11
            i32.const 8
            return
          end
          i32.const 9
          return
        end
        block $lt12
          local.get $x
          i32.const 0x200000
          i32.lt_u
          br_if $lt12
          i32.const 10
          return
        end
        i32.const 11
        return
      end
      block $lt13
        local.get $x
        i32.const 0x40000
        i32.lt_u
        br_if $lt13
        block $lt14
          local.get $x
          i32.const 0x80000
          i32.lt_u
          br_if $lt14
          i32.const 12
          return
        end
        i32.const 13
        return
      end
      block $lt15
        local.get $x
        i32.const 0x20000
        i32.lt_u
        br_if $lt15
        i32.const 14
        return
      end
      i32.const 15
      return
    end
    block $lt16
      local.get $x
      i32.const 0x100
      i32.lt_u
      br_if $lt16
      block $lt17
        local.get $x
        i32.const 0x1000
        i32.lt_u
        br_if $lt17
        block $lt18
          local.get $x
          i32.const 0x4000
          i32.lt_u
          br_if $lt18
          block $lt19
            local.get $x
            i32.const 0x8000
            i32.lt_u
            br_if $lt19
            i32.const 16
            return
          end
          i32.const 17
          return
        end
        block $lt20
          local.get $x
          i32.const 0x2000
          i32.lt_u
          br_if $lt20
          i32.const 18
          return
        end
        i32.const 19
        return
      end
      block $lt21
        local.get $x
        i32.const 0x400
        i32.lt_u
        br_if $lt21
        block $lt22
          local.get $x
          i32.const 0x800
          i32.lt_u
          br_if $lt22
          i32.const 20
          return
        end
        i32.const 21
        return
      end
      block $lt23
        local.get $x
        i32.const 0x200
        i32.lt_u
        br_if $lt23
        i32.const 22
        return
      end
      i32.const 23
      return
    end
    block $lt24
      local.get $x
      i32.const 0x10
      i32.lt_u
      br_if $lt24
      block $lt25
        local.get $x
        i32.const 0x40
        i32.lt_u
        br_if $lt25
        block $lt26
          local.get $x
          i32.const 0x80
          i32.lt_u
          br_if $lt26
          i32.const 24
          return
        end
        i32.const 25
        return
      end
      block $lt27
        local.get $x
        i32.const 0x20
        i32.lt_u
        br_if $lt27
        i32.const 26
        return
      end
      i32.const 27
      return
    end
    block $lt28
      local.get $x
      i32.const 0x4
      i32.lt_u
      br_if $lt28
      block $lt29
        local.get $x
        i32.const 0x8
        i32.lt_u
        br_if $lt29
        i32.const 28
        return
      end
      i32.const 29
      return
    end
    block $lt30
      local.get $x
      i32.const 0x2
      i32.lt_u
      br_if $lt30
      i32.const 30
      return
    end
    i32.const 31
    i32.const 32
    local.get $x
    select
    return
  )

  ;; count of trailing zero bits: find the lowest nonzero byte j with byte loads, move it to the top
  ;; (w = x << (24 - 8j)), then binary-search its trailing zeros: the low k bits of that byte are zero
  ;; exactly when w << (8 - k) is zero.
  (func $ctz (export "ctz") (param $x i32) (result i32)
    (local $w i32) (local $u i32)
    local.get $x
    i32.eqz
    if
      i32.const 32
      return
    end
    i32.const 0
    local.get $x
    i32.store
    block $hi
      i32.const 0
      i32.load16_u
      i32.eqz
      br_if $hi
      block $b1
        i32.const 0
        i32.load8_u
        i32.eqz
        br_if $b1
        i32.const 0
        i32.const 0
        i32.store
        i32.const 0
        local.get $x
        i32.store offset=3
        i32.const 0
        i32.load
        local.set $w
        ;; byte 0 is the lowest nonzero one and w holds it in its top byte; u = w << 4
        local.get $w
        local.get $w
        i32.add
        local.tee $u
        local.get $u
        i32.add
        local.tee $u
        local.get $u
        i32.add
        local.tee $u
        local.get $u
        i32.add
        local.tee $u
        i32.eqz
        if
          ;; low nibble zero; u = w << 2
          local.get $w
          local.get $w
          i32.add
          local.tee $u
          local.get $u
          i32.add
          local.tee $u
          i32.eqz
          if
            i32.const 6
            i32.const 7
            local.get $w
            local.get $w
            i32.add
            select
            return
          end
          i32.const 4
          i32.const 5
          local.get $u
          local.get $u
          i32.add
          select
          return
        end
        ;; w := w << 6
        local.get $u
        local.get $u
        i32.add
        local.tee $w
        local.get $w
        i32.add
        local.tee $w
        i32.eqz
        if
          i32.const 2
          i32.const 3
          local.get $u
          local.get $u
          i32.add
          select
          return
        end
        i32.const 0
        i32.const 1
        local.get $w
        local.get $w
        i32.add
        select
        return
      end
      i32.const 0
      i32.const 0
      i32.store
      i32.const 0
      local.get $x
      i32.store offset=2
      i32.const 0
      i32.load
      local.set $w
      ;; byte 1 is the lowest nonzero one and w holds it in its top byte; u = w << 4
      local.get $w
      local.get $w
      i32.add
      local.tee $u
      local.get $u
      i32.add
      local.tee $u
      local.get $u
      i32.add
      local.tee $u
      local.get $u
      i32.add
      local.tee $u
      i32.eqz
      if
        ;; low nibble zero; u = w << 2
        local.get $w
        local.get $w
        i32.add
        local.tee $u
        local.get $u
        i32.add
        local.tee $u
        i32.eqz
        if
          i32.const 14
          i32.const 15
          local.get $w
          local.get $w
          i32.add
          select
          return
        end
        i32.const 12
        i32.const 13
        local.get $u
        local.get $u
        i32.add
        select
        return
      end
      ;; w := w << 6
      local.get $u
      local.get $u
      i32.add
      local.tee $w
      local.get $w
      i32.add
      local.tee $w
      i32.eqz
      if
        i32.const 10
        i32.const 11
        local.get $u
        local.get $u
        i32.add
        select
        return
      end
      i32.const 8
      i32.const 9
      local.get $w
      local.get $w
      i32.add
      select
      return
    end
    block $b3
      i32.const 0
      i32.load8_u offset=2
      i32.eqz
      br_if $b3
      i32.const 0
      i32.const 0
      i32.store
      i32.const 0
      local.get $x
      i32.store offset=1
      i32.const 0
      i32.load
      local.set $w
      ;; byte 2 is the lowest nonzero one and w holds it in its top byte; u = w << 4
      local.get $w
      local.get $w
      i32.add
      local.tee $u
      local.get $u
      i32.add
      local.tee $u
      local.get $u
      i32.add
      local.tee $u
      local.get $u
      i32.add
      local.tee $u
      i32.eqz
      if
        ;; low nibble zero; u = w << 2
        local.get $w
        local.get $w
        i32.add
        local.tee $u
        local.get $u
        i32.add
        local.tee $u
        i32.eqz
        if
          i32.const 22
          i32.const 23
          local.get $w
          local.get $w
          i32.add
          select
          return
        end
        i32.const 20
        i32.const 21
        local.get $u
        local.get $u
        i32.add
        select
        return
      end
      ;; w := w << 6
      local.get $u
      local.get $u
      i32.add
      local.tee $w
      local.get $w
      i32.add
      local.tee $w
      i32.eqz
      if
        i32.const 18
        i32.const 19
        local.get $u
        local.get $u
        i32.add
        select
        return
      end
      i32.const 16
      i32.const 17
      local.get $w
      local.get $w
      i32.add
      select
      return
    end
    local.get $x
    local.set $w
    ;; byte 3 is the lowest nonzero one and w holds it in its top byte; u = w << 4
    local.get $w
    local.get $w
    i32.add
    local.tee $u
    local.get $u
    i32.add
    local.tee $u
    local.get $u
    i32.add
    local.tee $u
    local.get $u
    i32.add
    local.tee $u
    i32.eqz
    if
      ;; low nibble zero; u = w << 2
      local.get $w
      local.get $w
      i32.add
      local.tee $u
      local.get $u
      i32.add
      local.tee $u
      i32.eqz
      if
        i32.const 30
        i32.const 31
        local.get $w
        local.get $w
        i32.add
        select
        return
      end
      i32.const 28
      i32.const 29
      local.get $u
      local.get $u
      i32.add
      select
      return
    end
    ;; w := w << 6
    local.get $u
    local.get $u
    i32.add
    local.tee $w
    local.get $w
    i32.add
    local.tee $w
    i32.eqz
    if
      i32.const 26
      i32.const 27
      local.get $u
      local.get $u
      i32.add
      select
      return
    end
    i32.const 24
    i32.const 25
    local.get $w
    local.get $w
    i32.add
    select
    return
  )

  ;; count of one bits. z = (x << 8) + count: bit i of x is set when z >= 2^(i+8) (higher bits
  ;; already removed), and then z -= 2^(i+8) - 1 removes it and counts it in one subtraction.
  ;; The top byte, which x << 8 loses, is counted first the same way in t = (x >> 24) << 8.
  (func $popcnt (export "popcnt") (param $x i32) (result i32)
    (local $z i32) (local $t i32)
    i32.const 0
    local.get $x
    i32.store offset=1
    i32.const 0
    i32.const 0
    i32.store8
    i32.const 0
    i32.load
    local.set $z
    ;; 24 nested blocks, $p0 outermost: `br $p23` runs every step below,
    ;; `br $p0` only the last
    block $p0
    block $p1
    block $p2
    block $p3
    block $p4
    block $p5
    block $p6
    block $p7
    block $p8
    block $p9
    block $p10
    block $p11
    block $p12
    block $p13
    block $p14
    block $p15
    block $p16
    block $p17
    block $p18
    block $p19
    block $p20
    block $p21
    block $p22
    block $p23
      block $top
        local.get $x
        i32.const 0x1000000
        i32.lt_u
        br_if $top
        i32.const 0
        i32.const 0
        i32.store8 offset=3
        i32.const 0
        i32.load16_u offset=3
        local.set $t
        local.get $t
        i32.const 0x8000
        i32.ge_u
        if
          local.get $t
          i32.const 0x7fff
          i32.sub
          local.set $t
        end
        local.get $t
        i32.const 0x4000
        i32.ge_u
        if
          local.get $t
          i32.const 0x3fff
          i32.sub
          local.set $t
        end
        local.get $t
        i32.const 0x2000
        i32.ge_u
        if
          local.get $t
          i32.const 0x1fff
          i32.sub
          local.set $t
        end
        local.get $t
        i32.const 0x1000
        i32.ge_u
        if
          local.get $t
          i32.const 0xfff
          i32.sub
          local.set $t
        end
        local.get $t
        i32.const 0x800
        i32.ge_u
        if
          local.get $t
          i32.const 0x7ff
          i32.sub
          local.set $t
        end
        local.get $t
        i32.const 0x400
        i32.ge_u
        if
          local.get $t
          i32.const 0x3ff
          i32.sub
          local.set $t
        end
        local.get $t
        i32.const 0x200
        i32.ge_u
        if
          local.get $t
          i32.const 0x1ff
          i32.sub
          local.set $t
        end
        local.get $t
        i32.const 0x100
        i32.ge_u
        if
          local.get $t
          i32.const 0xff
          i32.sub
          local.set $t
        end
        local.get $z
        local.get $t
        i32.add
        local.set $z
        br $p23
      end
      local.get $x
      i32.const 0x10000
      i32.ge_u
      br_if $p23
      local.get $x
      i32.const 256
      i32.ge_u
      br_if $p15
      br $p7
    end
    ;; bit 23
    local.get $z
    i32.const 0x80000000
    i32.ge_u
    if
      local.get $z
      i32.const 0x7fffffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 22
    local.get $z
    i32.const 0x40000000
    i32.ge_u
    if
      local.get $z
      i32.const 0x3fffffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 21
    local.get $z
    i32.const 0x20000000
    i32.ge_u
    if
      local.get $z
      i32.const 0x1fffffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 20
    local.get $z
    i32.const 0x10000000
    i32.ge_u
    if
      local.get $z
      i32.const 0xfffffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 19
    local.get $z
    i32.const 0x8000000
    i32.ge_u
    if
      local.get $z
      i32.const 0x7ffffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 18
    local.get $z
    i32.const 0x4000000
    i32.ge_u
    if
      local.get $z
      i32.const 0x3ffffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 17
    local.get $z
    i32.const 0x2000000
    i32.ge_u
    if
      local.get $z
      i32.const 0x1ffffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 16
    local.get $z
    i32.const 0x1000000
    i32.ge_u
    if
      local.get $z
      i32.const 0xffffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 15
    local.get $z
    i32.const 0x800000
    i32.ge_u
    if
      local.get $z
      i32.const 0x7fffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 14
    local.get $z
    i32.const 0x400000
    i32.ge_u
    if
      local.get $z
      i32.const 0x3fffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 13
    local.get $z
    i32.const 0x200000
    i32.ge_u
    if
      local.get $z
      i32.const 0x1fffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 12
    local.get $z
    i32.const 0x100000
    i32.ge_u
    if
      local.get $z
      i32.const 0xfffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 11
    local.get $z
    i32.const 0x80000
    i32.ge_u
    if
      local.get $z
      i32.const 0x7ffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 10
    local.get $z
    i32.const 0x40000
    i32.ge_u
    if
      local.get $z
      i32.const 0x3ffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 9
    local.get $z
    i32.const 0x20000
    i32.ge_u
    if
      local.get $z
      i32.const 0x1ffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 8
    local.get $z
    i32.const 0x10000
    i32.ge_u
    if
      local.get $z
      i32.const 0xffff
      i32.sub
      local.set $z
    end
    end
    ;; bit 7
    local.get $z
    i32.const 0x8000
    i32.ge_u
    if
      local.get $z
      i32.const 0x7fff
      i32.sub
      local.set $z
    end
    end
    ;; bit 6
    local.get $z
    i32.const 0x4000
    i32.ge_u
    if
      local.get $z
      i32.const 0x3fff
      i32.sub
      local.set $z
    end
    end
    ;; bit 5
    local.get $z
    i32.const 0x2000
    i32.ge_u
    if
      local.get $z
      i32.const 0x1fff
      i32.sub
      local.set $z
    end
    end
    ;; bit 4
    local.get $z
    i32.const 0x1000
    i32.ge_u
    if
      local.get $z
      i32.const 0xfff
      i32.sub
      local.set $z
    end
    end
    ;; bit 3
    local.get $z
    i32.const 0x800
    i32.ge_u
    if
      local.get $z
      i32.const 0x7ff
      i32.sub
      local.set $z
    end
    end
    ;; bit 2
    local.get $z
    i32.const 0x400
    i32.ge_u
    if
      local.get $z
      i32.const 0x3ff
      i32.sub
      local.set $z
    end
    end
    ;; bit 1
    local.get $z
    i32.const 0x200
    i32.ge_u
    if
      local.get $z
      i32.const 0x1ff
      i32.sub
      local.set $z
    end
    end
    ;; bit 0
    local.get $z
    i32.const 0x100
    i32.ge_u
    if
      local.get $z
      i32.const 0xff
      i32.sub
      local.set $z
    end
    local.get $z
  )

  ;; sign-extends the low byte: store it, load it back signed.
  (func $extend8_s (export "extend8_s") (param $x i32) (result i32)
    i32.const 0
    local.get $x
    i32.store8
    i32.const 0
    i32.load8_s
  )

  ;; sign-extends the low 16 bits: store them, load them back signed.
  (func $extend16_s (export "extend16_s") (param $x i32) (result i32)
    i32.const 0
    local.get $x
    i32.store16
    i32.const 0
    i32.load16_s
  )

  ;; the full 64-bit product of unsigned a and b, as (lo, hi). MSB-first over the bits of the smaller
  ;; operand b: (hi, lo) = 2 (hi, lo) + bit * a, the carry of the low word added to the high word.
  ;; A binary search on b enters the unrolled steps at its top bit.
  (func $i64_mul_wide_u (export "i64_mul_wide_u") (param $a i32) (param $b i32) (result i32 i32)
    (local $lo i32) (local $hi i32)
    local.get $a
    local.get $b
    i32.lt_u
    if
      local.get $a
      local.get $b
      local.set $a
      local.set $b
    end
    ;; 31 nested blocks, $s0 outermost: `br $s30` runs every step below,
    ;; `br $s0` only the last
    block $s0
    block $s1
    block $s2
    block $s3
    block $s4
    block $s5
    block $s6
    block $s7
    block $s8
    block $s9
    block $s10
    block $s11
    block $s12
    block $s13
    block $s14
    block $s15
    block $s16
    block $s17
    block $s18
    block $s19
    block $s20
    block $s21
    block $s22
    block $s23
    block $s24
    block $s25
    block $s26
    block $s27
    block $s28
    block $s29
    block $s30
      ;; top bit p of b: lo = a, b -= 2^p, continue with step p - 1
      block $lt0
        local.get $b
        i32.const 0x100
        i32.lt_u
        br_if $lt0
        block $lt1
          local.get $b
          i32.const 0x10000
          i32.lt_u
          br_if $lt1
          block $lt2
            local.get $b
            i32.const 0x1000000
            i32.lt_u
            br_if $lt2
            block $lt3
              local.get $b
              i32.const 0x10000000
              i32.lt_u
              br_if $lt3
              block $lt4
                local.get $b
                i32.const 0x40000000
                i32.lt_u
                br_if $lt4
                block $lt5
                  local.get $b
                  i32.const 0x80000000
                  i32.lt_u
                  br_if $lt5
                  ;; top bit 31
                  local.get $b
                  i32.const 0x80000000
                  i32.sub
                  local.set $b
                  local.get $a
                  local.set $lo
                  br $s30
                end
                ;; top bit 30
                local.get $b
                i32.const 0x40000000
                i32.sub
                local.set $b
                local.get $a
                local.set $lo
                br $s29
              end
              block $lt6
                local.get $b
                i32.const 0x20000000
                i32.lt_u
                br_if $lt6
                ;; top bit 29
                local.get $b
                i32.const 0x20000000
                i32.sub
                local.set $b
                local.get $a
                local.set $lo
                br $s28
              end
              ;; top bit 28
              local.get $b
              i32.const 0x10000000
              i32.sub
              local.set $b
              local.get $a
              local.set $lo
              br $s27
            end
            block $lt7
              local.get $b
              i32.const 0x4000000
              i32.lt_u
              br_if $lt7
              block $lt8
                local.get $b
                i32.const 0x8000000
                i32.lt_u
                br_if $lt8
                ;; top bit 27
                local.get $b
                i32.const 0x8000000
                i32.sub
                local.set $b
                local.get $a
                local.set $lo
                br $s26
              end
              ;; top bit 26
              local.get $b
              i32.const 0x4000000
              i32.sub
              local.set $b
              local.get $a
              local.set $lo
              br $s25
            end
            block $lt9
              local.get $b
              i32.const 0x2000000
              i32.lt_u
              br_if $lt9
              ;; top bit 25
              local.get $b
              i32.const 0x2000000
              i32.sub
              local.set $b
              local.get $a
              local.set $lo
              br $s24
            end
            ;; top bit 24
            local.get $b
            i32.const 0x1000000
            i32.sub
            local.set $b
            local.get $a
            local.set $lo
            br $s23
          end
          block $lt10
            local.get $b
            i32.const 0x100000
            i32.lt_u
            br_if $lt10
            block $lt11
              local.get $b
              i32.const 0x400000
              i32.lt_u
              br_if $lt11
              block $lt12
                local.get $b
                i32.const 0x800000
                i32.lt_u
                br_if $lt12
                ;; top bit 23
                local.get $b
                i32.const 0x800000
                i32.sub
                local.set $b
                local.get $a
                local.set $lo
                br $s22
              end
              ;; top bit 22
              local.get $b
              i32.const 0x400000
              i32.sub
              local.set $b
              local.get $a
              local.set $lo
              br $s21
            end
            block $lt13
              local.get $b
              i32.const 0x200000
              i32.lt_u
              br_if $lt13
              ;; top bit 21
              local.get $b
              i32.const 0x200000
              i32.sub
              local.set $b
              local.get $a
              local.set $lo
              br $s20
            end
            ;; top bit 20
            local.get $b
            i32.const 0x100000
            i32.sub
            local.set $b
            local.get $a
            local.set $lo
            br $s19
          end
          block $lt14
            local.get $b
            i32.const 0x40000
            i32.lt_u
            br_if $lt14
            block $lt15
              local.get $b
              i32.const 0x80000
              i32.lt_u
              br_if $lt15
              ;; top bit 19
              local.get $b
              i32.const 0x80000
              i32.sub
              local.set $b
              local.get $a
              local.set $lo
              br $s18
            end
            ;; top bit 18
            local.get $b
            i32.const 0x40000
            i32.sub
            local.set $b
            local.get $a
            local.set $lo
            br $s17
          end
          block $lt16
            local.get $b
            i32.const 0x20000
            i32.lt_u
            br_if $lt16
            ;; top bit 17
            local.get $b
            i32.const 0x20000
            i32.sub
            local.set $b
            local.get $a
            local.set $lo
            br $s16
          end
          ;; top bit 16
          local.get $b
          i32.const 0x10000
          i32.sub
          local.set $b
          local.get $a
          local.set $lo
          br $s15
        end
        block $lt17
          local.get $b
          i32.const 0x1000
          i32.lt_u
          br_if $lt17
          block $lt18
            local.get $b
            i32.const 0x4000
            i32.lt_u
            br_if $lt18
            block $lt19
              local.get $b
              i32.const 0x8000
              i32.lt_u
              br_if $lt19
              ;; top bit 15
              local.get $b
              i32.const 0x8000
              i32.sub
              local.set $b
              local.get $a
              local.set $lo
              br $s14
            end
            ;; top bit 14
            local.get $b
            i32.const 0x4000
            i32.sub
            local.set $b
            local.get $a
            local.set $lo
            br $s13
          end
          block $lt20
            local.get $b
            i32.const 0x2000
            i32.lt_u
            br_if $lt20
            ;; top bit 13
            local.get $b
            i32.const 0x2000
            i32.sub
            local.set $b
            local.get $a
            local.set $lo
            br $s12
          end
          ;; top bit 12
          local.get $b
          i32.const 0x1000
          i32.sub
          local.set $b
          local.get $a
          local.set $lo
          br $s11
        end
        block $lt21
          local.get $b
          i32.const 0x400
          i32.lt_u
          br_if $lt21
          block $lt22
            local.get $b
            i32.const 0x800
            i32.lt_u
            br_if $lt22
            ;; top bit 11
            local.get $b
            i32.const 0x800
            i32.sub
            local.set $b
            local.get $a
            local.set $lo
            br $s10
          end
          ;; top bit 10
          local.get $b
          i32.const 0x400
          i32.sub
          local.set $b
          local.get $a
          local.set $lo
          br $s9
        end
        block $lt23
          local.get $b
          i32.const 0x200
          i32.lt_u
          br_if $lt23
          ;; top bit 9
          local.get $b
          i32.const 0x200
          i32.sub
          local.set $b
          local.get $a
          local.set $lo
          br $s8
        end
        ;; top bit 8
        local.get $b
        i32.const 0x100
        i32.sub
        local.set $b
        local.get $a
        local.set $lo
        br $s7
      end
      block $lt24
        local.get $b
        i32.const 0x10
        i32.lt_u
        br_if $lt24
        block $lt25
          local.get $b
          i32.const 0x40
          i32.lt_u
          br_if $lt25
          block $lt26
            local.get $b
            i32.const 0x80
            i32.lt_u
            br_if $lt26
            ;; top bit 7
            local.get $b
            i32.const 0x80
            i32.sub
            local.set $b
            local.get $a
            local.set $lo
            br $s6
          end
          ;; top bit 6
          local.get $b
          i32.const 0x40
          i32.sub
          local.set $b
          local.get $a
          local.set $lo
          br $s5
        end
        block $lt27
          local.get $b
          i32.const 0x20
          i32.lt_u
          br_if $lt27
          ;; top bit 5
          local.get $b
          i32.const 0x20
          i32.sub
          local.set $b
          local.get $a
          local.set $lo
          br $s4
        end
        ;; top bit 4
        local.get $b
        i32.const 0x10
        i32.sub
        local.set $b
        local.get $a
        local.set $lo
        br $s3
      end
      block $lt28
        local.get $b
        i32.const 0x4
        i32.lt_u
        br_if $lt28
        block $lt29
          local.get $b
          i32.const 0x8
          i32.lt_u
          br_if $lt29
          ;; top bit 3
          local.get $b
          i32.const 0x8
          i32.sub
          local.set $b
          local.get $a
          local.set $lo
          br $s2
        end
        ;; top bit 2
        local.get $b
        i32.const 0x4
        i32.sub
        local.set $b
        local.get $a
        local.set $lo
        br $s1
      end
      block $lt30
        local.get $b
        i32.const 0x2
        i32.lt_u
        br_if $lt30
        ;; top bit 1
        local.get $b
        i32.const 0x2
        i32.sub
        local.set $b
        local.get $a
        local.set $lo
        br $s0
      end
      ;; b is 0 or 1
      local.get $a
      i32.const 0
      local.get $b
      select
      i32.const 0
      return
    end
    ;; step 30
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero31
      local.get $b
      i32.const 0x40000000
      i32.lt_u
      br_if $zero31
      local.get $b
      i32.const 0x40000000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 29
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero32
      local.get $b
      i32.const 0x20000000
      i32.lt_u
      br_if $zero32
      local.get $b
      i32.const 0x20000000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 28
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero33
      local.get $b
      i32.const 0x10000000
      i32.lt_u
      br_if $zero33
      local.get $b
      i32.const 0x10000000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 27
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero34
      local.get $b
      i32.const 0x8000000
      i32.lt_u
      br_if $zero34
      local.get $b
      i32.const 0x8000000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 26
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero35
      local.get $b
      i32.const 0x4000000
      i32.lt_u
      br_if $zero35
      local.get $b
      i32.const 0x4000000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 25
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero36
      local.get $b
      i32.const 0x2000000
      i32.lt_u
      br_if $zero36
      local.get $b
      i32.const 0x2000000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 24
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero37
      local.get $b
      i32.const 0x1000000
      i32.lt_u
      br_if $zero37
      local.get $b
      i32.const 0x1000000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 23
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero38
      local.get $b
      i32.const 0x800000
      i32.lt_u
      br_if $zero38
      local.get $b
      i32.const 0x800000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 22
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero39
      local.get $b
      i32.const 0x400000
      i32.lt_u
      br_if $zero39
      local.get $b
      i32.const 0x400000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 21
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero40
      local.get $b
      i32.const 0x200000
      i32.lt_u
      br_if $zero40
      local.get $b
      i32.const 0x200000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 20
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero41
      local.get $b
      i32.const 0x100000
      i32.lt_u
      br_if $zero41
      local.get $b
      i32.const 0x100000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 19
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero42
      local.get $b
      i32.const 0x80000
      i32.lt_u
      br_if $zero42
      local.get $b
      i32.const 0x80000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 18
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero43
      local.get $b
      i32.const 0x40000
      i32.lt_u
      br_if $zero43
      local.get $b
      i32.const 0x40000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 17
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero44
      local.get $b
      i32.const 0x20000
      i32.lt_u
      br_if $zero44
      local.get $b
      i32.const 0x20000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 16
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero45
      local.get $b
      i32.const 0x10000
      i32.lt_u
      br_if $zero45
      local.get $b
      i32.const 0x10000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 15
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero46
      local.get $b
      i32.const 0x8000
      i32.lt_u
      br_if $zero46
      local.get $b
      i32.const 0x8000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 14
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero47
      local.get $b
      i32.const 0x4000
      i32.lt_u
      br_if $zero47
      local.get $b
      i32.const 0x4000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 13
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero48
      local.get $b
      i32.const 0x2000
      i32.lt_u
      br_if $zero48
      local.get $b
      i32.const 0x2000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 12
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero49
      local.get $b
      i32.const 0x1000
      i32.lt_u
      br_if $zero49
      local.get $b
      i32.const 0x1000
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 11
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero50
      local.get $b
      i32.const 0x800
      i32.lt_u
      br_if $zero50
      local.get $b
      i32.const 0x800
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 10
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero51
      local.get $b
      i32.const 0x400
      i32.lt_u
      br_if $zero51
      local.get $b
      i32.const 0x400
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 9
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero52
      local.get $b
      i32.const 0x200
      i32.lt_u
      br_if $zero52
      local.get $b
      i32.const 0x200
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 8
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero53
      local.get $b
      i32.const 0x100
      i32.lt_u
      br_if $zero53
      local.get $b
      i32.const 0x100
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 7
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero54
      local.get $b
      i32.const 0x80
      i32.lt_u
      br_if $zero54
      local.get $b
      i32.const 0x80
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 6
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero55
      local.get $b
      i32.const 0x40
      i32.lt_u
      br_if $zero55
      local.get $b
      i32.const 0x40
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 5
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero56
      local.get $b
      i32.const 0x20
      i32.lt_u
      br_if $zero56
      local.get $b
      i32.const 0x20
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 4
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero57
      local.get $b
      i32.const 0x10
      i32.lt_u
      br_if $zero57
      local.get $b
      i32.const 0x10
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 3
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero58
      local.get $b
      i32.const 0x8
      i32.lt_u
      br_if $zero58
      local.get $b
      i32.const 0x8
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 2
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero59
      local.get $b
      i32.const 0x4
      i32.lt_u
      br_if $zero59
      local.get $b
      i32.const 0x4
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 1
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero60
      local.get $b
      i32.const 0x2
      i32.lt_u
      br_if $zero60
      local.get $b
      i32.const 0x2
      i32.sub
      local.set $b
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    end
    ;; step 0: b is 0 or 1
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    block $zero61
      local.get $b
      i32.eqz
      br_if $zero61
      local.get $lo
      local.get $a
      i32.add
      local.tee $lo
      local.get $a
      i32.lt_u
      local.get $hi
      i32.add
      local.set $hi
    end
    local.get $lo
    local.get $hi
  )

  ;; a * b (wrapping): the 64-bit product of the low words plus, in the high word, al * bh + ah * bl
  ;; (skipped when a high word is 0, as for values extended from 32 bits). When both are sign
  ;; extensions of 32-bit values and one is negative, the product of the magnitudes, negated as due:
  ;; small negative factors stay cheap.
  (func $i64_mul (export "i64_mul") (param $al i32) (param $ah i32) (param $bl i32) (param $bh i32) (result i32 i32)
    (local $lo i32) (local $hi i32) (local $neg i32)
    block $general
      local.get $ah
      local.get $bh
      i32.add
      i32.eqz
      br_if $general
      local.get $ah
      i32.const 0
      local.get $al
      i32.const 0
      i32.lt_s
      i32.sub
      i32.ne
      br_if $general
      local.get $bh
      i32.const 0
      local.get $bl
      i32.const 0
      i32.lt_s
      i32.sub
      i32.ne
      br_if $general
      local.get $ah
      if
        i32.const 0
        local.get $al
        i32.sub
        local.set $al
        i32.const 1
        local.set $neg
      end
      local.get $bh
      if
        i32.const 0
        local.get $bl
        i32.sub
        local.set $bl
        i32.const 1
        local.get $neg
        i32.sub
        local.set $neg
      end
      local.get $al
      local.get $bl
      call $i64_mul_wide_u
      local.set $hi
      local.set $lo
      local.get $neg
      if
        i32.const 0
        local.get $hi
        i32.sub
        local.get $lo
        i32.const 0
        i32.ne
        i32.sub
        local.set $hi
        i32.const 0
        local.get $lo
        i32.sub
        local.set $lo
      end
      local.get $lo
      local.get $hi
      return
    end
    local.get $al
    local.get $bl
    call $i64_mul_wide_u
    local.set $hi
    local.set $lo
    local.get $bh
    if
      local.get $hi
      local.get $al
      local.get $bh
      call $mul
      i32.add
      local.set $hi
    end
    local.get $ah
    if
      local.get $hi
      local.get $ah
      local.get $bl
      call $mul
      i32.add
      local.set $hi
    end
    local.get $lo
    local.get $hi
  )

  ;; unsigned n / d and n % d as (q lo, q hi, r lo, r hi), for d != 0. Restoring division, one bit a
  ;; step: r = 2 r + top bit of n, n = 2 n, and when r >= d, r -= d and the quotient bit (shifted in
  ;; at the bottom of n) is 1. Leading zero bytes of n are skipped first. A divisor below 2^32 divides
  ;; the high word with the 32-bit helpers and needs only 32 steps for the low word.
  (func $i64_divmod_u (export "i64_divmod_u") (param $nl i32) (param $nh i32) (param $dl i32) (param $dh i32) (result i32 i32 i32 i32)
    (local $rl i32) (local $rh i32) (local $k i32) (local $t i32)
    ;; n < d: q = 0, r = n
    block $big
      local.get $nh
      local.get $dh
      i32.gt_u
      br_if $big
      block $small
        local.get $nh
        local.get $dh
        i32.lt_u
        br_if $small
        local.get $nl
        local.get $dl
        i32.ge_u
        br_if $big
      end
      i32.const 0
      i32.const 0
      local.get $nl
      local.get $nh
      return
    end
    ;; d < 2^32 <= n: the high word by the 32-bit helpers, then 32 steps for the low word
    block $wide
      local.get $dh
      br_if $wide
      local.get $nh
      local.get $dl
      call $div_u
      local.set $dh
      local.get $nh
      local.get $dl
      call $rem_u
      local.set $rl
      i32.const 32
      local.set $k
      loop $low
        block $next32
          block $sub32
            ;; t: r (< d) overflows 32 bits when doubled (then r > d surely)
            local.get $rl
            i32.const 0
            i32.lt_s
            local.set $t
            local.get $rl
            local.get $rl
            i32.add
            local.get $nl
            i32.const 0
            i32.lt_s
            i32.add
            local.set $rl
            local.get $nl
            local.get $nl
            i32.add
            local.set $nl
            local.get $t
            br_if $sub32
            local.get $rl
            local.get $dl
            i32.lt_u
            br_if $next32
          end
          local.get $rl
          local.get $dl
          i32.sub
          local.set $rl
          local.get $nl
          i32.const 1
          i32.add
          local.set $nl
        end
        local.get $k
        i32.const 1
        i32.sub
        local.tee $k
        br_if $low
      end
      ;; the quotient is (nl, high quotient), the remainder rl
      local.get $nl
      local.get $dh
      local.get $rl
      i32.const 0
      return
    end
    ;; n >= d >= 2^32: skip whole zero bytes at the top of n (n << 8 through scratch memory)
    i32.const 64
    local.set $k
    block $skipped
      loop $skip
        local.get $nh
        i32.const 0x1000000
        i32.ge_u
        br_if $skipped
        i32.const 0
        local.get $nl
        i32.store
        i32.const 0
        local.get $nh
        i32.store offset=4
        i32.const 0
        i32.load offset=3
        local.set $nh
        i32.const 0
        local.get $nl
        i32.store offset=1
        i32.const 0
        i32.const 0
        i32.store8
        i32.const 0
        i32.load
        local.set $nl
        local.get $k
        i32.const 8
        i32.sub
        local.set $k
        br $skip
      end
    end
    loop $step
      block $next
        block $sub
          ;; t: r overflows 64 bits when doubled (then r > d surely)
          local.get $rh
          i32.const 0
          i32.lt_s
          local.set $t
          local.get $rh
          local.get $rh
          i32.add
          local.get $rl
          i32.const 0
          i32.lt_s
          i32.add
          local.set $rh
          local.get $rl
          local.get $rl
          i32.add
          local.get $nh
          i32.const 0
          i32.lt_s
          i32.add
          local.set $rl
          local.get $nh
          local.get $nh
          i32.add
          local.get $nl
          i32.const 0
          i32.lt_s
          i32.add
          local.set $nh
          local.get $nl
          local.get $nl
          i32.add
          local.set $nl
          local.get $t
          br_if $sub
          local.get $rh
          local.get $dh
          i32.lt_u
          br_if $next
          local.get $rh
          local.get $dh
          i32.gt_u
          br_if $sub
          local.get $rl
          local.get $dl
          i32.lt_u
          br_if $next
        end
        ;; r -= d; quotient bit 1
        local.get $rh
        local.get $dh
        i32.sub
        local.get $rl
        local.get $dl
        i32.lt_u
        i32.sub
        local.set $rh
        local.get $rl
        local.get $dl
        i32.sub
        local.set $rl
        local.get $nl
        i32.const 1
        i32.add
        local.set $nl
      end
      local.get $k
      i32.const 1
      i32.sub
      local.tee $k
      br_if $step
    end
    local.get $nl
    local.get $nh
    local.get $rl
    local.get $rh
  )

  ;; n / d (unsigned; traps when d = 0): the 32-bit div_u when both high words are 0,
  ;; else i64_divmod_u.
  (func $i64_div_u (export "i64_div_u") (param $nl i32) (param $nh i32) (param $dl i32) (param $dh i32) (result i32 i32)
    block $nonzero0
      local.get $dl
      br_if $nonzero0
      local.get $dh
      br_if $nonzero0
      i32.const 2
      call $trap
    end
    block $wide
      local.get $nh
      br_if $wide
      local.get $dh
      br_if $wide
      local.get $nl
      local.get $dl
      call $div_u
      i32.const 0
      return
    end
    local.get $nl
    local.get $nh
    local.get $dl
    local.get $dh
    call $i64_divmod_u
    drop
    drop
  )

  ;; n % d (unsigned; traps when d = 0): the 32-bit rem_u when both high words are 0,
  ;; else i64_divmod_u.
  (func $i64_rem_u (export "i64_rem_u") (param $nl i32) (param $nh i32) (param $dl i32) (param $dh i32) (result i32 i32)
    block $nonzero0
      local.get $dl
      br_if $nonzero0
      local.get $dh
      br_if $nonzero0
      i32.const 2
      call $trap
    end
    block $wide
      local.get $nh
      br_if $wide
      local.get $dh
      br_if $wide
      local.get $nl
      local.get $dl
      call $rem_u
      i32.const 0
      return
    end
    local.get $nl
    local.get $nh
    local.get $dl
    local.get $dh
    call $i64_divmod_u
    local.set $dh
    local.set $dl
    drop
    drop
    local.get $dl
    local.get $dh
  )

  ;; n / d (signed, truncating; traps when d = 0 or for INT64_MIN / -1): i64_div_u on the magnitudes.
  (func $i64_div_s (export "i64_div_s") (param $nl i32) (param $nh i32) (param $dl i32) (param $dh i32) (result i32 i32)
    (local $neg i32)
    block $nonzero0
      local.get $dl
      br_if $nonzero0
      local.get $dh
      br_if $nonzero0
      i32.const 2
      call $trap
    end
    block $fits
      local.get $nl
      br_if $fits
      local.get $nh
      i32.const 0x80000000
      i32.ne
      br_if $fits
      local.get $dl
      i32.const -1
      i32.ne
      br_if $fits
      local.get $dh
      i32.const -1
      i32.ne
      br_if $fits
      i32.const 3
      call $trap
    end
    local.get $nh
    i32.const 0
    i32.lt_s
    if
      i32.const 0
      local.get $nh
      i32.sub
      local.get $nl
      i32.const 0
      i32.ne
      i32.sub
      local.set $nh
      i32.const 0
      local.get $nl
      i32.sub
      local.set $nl
      i32.const 1
      local.set $neg
    end
    local.get $dh
    i32.const 0
    i32.lt_s
    if
      i32.const 0
      local.get $dh
      i32.sub
      local.get $dl
      i32.const 0
      i32.ne
      i32.sub
      local.set $dh
      i32.const 0
      local.get $dl
      i32.sub
      local.set $dl
      i32.const 1
      local.get $neg
      i32.sub
      local.set $neg
    end
    local.get $nl
    local.get $nh
    local.get $dl
    local.get $dh
    call $i64_div_u
    local.set $nh
    local.set $nl
    local.get $neg
    if
      i32.const 0
      local.get $nh
      i32.sub
      local.get $nl
      i32.const 0
      i32.ne
      i32.sub
      local.set $nh
      i32.const 0
      local.get $nl
      i32.sub
      local.set $nl
    end
    local.get $nl
    local.get $nh
  )

  ;; n % d (signed; traps when d = 0): i64_rem_u on the magnitudes, with the sign of n.
  (func $i64_rem_s (export "i64_rem_s") (param $nl i32) (param $nh i32) (param $dl i32) (param $dh i32) (result i32 i32)
    (local $neg i32)
    local.get $nh
    i32.const 0
    i32.lt_s
    if
      i32.const 0
      local.get $nh
      i32.sub
      local.get $nl
      i32.const 0
      i32.ne
      i32.sub
      local.set $nh
      i32.const 0
      local.get $nl
      i32.sub
      local.set $nl
      i32.const 1
      local.set $neg
    end
    local.get $dh
    i32.const 0
    i32.lt_s
    if
      i32.const 0
      local.get $dh
      i32.sub
      local.get $dl
      i32.const 0
      i32.ne
      i32.sub
      local.set $dh
      i32.const 0
      local.get $dl
      i32.sub
      local.set $dl
    end
    local.get $nl
    local.get $nh
    local.get $dl
    local.get $dh
    call $i64_rem_u
    local.set $nh
    local.set $nl
    local.get $neg
    if
      i32.const 0
      local.get $nh
      i32.sub
      local.get $nl
      i32.const 0
      i32.ne
      i32.sub
      local.set $nh
      i32.const 0
      local.get $nl
      i32.sub
      local.set $nl
    end
    local.get $nl
    local.get $nh
  )

  ;; x << (c mod 64): by 32 the low word moves up; whole bytes by storing the pair in scratch memory and
  ;; loading it back at a byte offset; then 0..7 doublings of the pair (the low top bit carried up).
  (func $i64_shl (export "i64_shl") (param $lo i32) (param $hi i32) (param $c i32) (result i32 i32)
    ;; the count is taken mod 64: keep the low byte, drop 128 and 64
    block $count0
      local.get $c
      i32.const 64
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
    end
    local.get $c
    i32.const 32
    i32.ge_u
    if
      local.get $lo
      local.set $hi
      i32.const 0
      local.set $lo
      local.get $c
      i32.const 32
      i32.sub
      local.set $c
    end
    block $bits
      block $lt1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $lt1
        block $lt2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $lt2
          ;; 3 whole bytes
          i32.const 0
          local.get $lo
          i32.store
          i32.const 0
          local.get $hi
          i32.store offset=4
          i32.const 0
          i32.load offset=1
          local.set $hi
          i32.const 0
          i32.const 0
          i32.store
          i32.const 0
          local.get $lo
          i32.store offset=3
          i32.const 0
          i32.load
          local.set $lo
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $hi
        i32.const 0
        i32.const 0
        i32.store
        i32.const 0
        local.get $lo
        i32.store offset=2
        i32.const 0
        i32.load
        local.set $lo
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $lt3
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $lt3
        ;; 1 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load offset=3
        local.set $hi
        i32.const 0
        i32.const 0
        i32.store
        i32.const 0
        local.get $lo
        i32.store offset=1
        i32.const 0
        i32.load
        local.set $lo
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      ;; 0 whole bytes
      br $bits
    end
    ;; 0..7 more bits
    block $lt4
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt4
      block $lt5
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt5
        block $lt6
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt6
          ;; 7 bits
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.set $hi
          local.get $lo
          local.get $lo
          i32.add
          local.set $lo
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.set $hi
          local.get $lo
          local.get $lo
          i32.add
          local.set $lo
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.set $hi
          local.get $lo
          local.get $lo
          i32.add
          local.set $lo
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.set $hi
          local.get $lo
          local.get $lo
          i32.add
          local.set $lo
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.set $hi
          local.get $lo
          local.get $lo
          i32.add
          local.set $lo
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.set $hi
          local.get $lo
          local.get $lo
          i32.add
          local.set $lo
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.set $hi
          local.get $lo
          local.get $lo
          i32.add
          local.set $lo
          local.get $lo
          local.get $hi
          return
        end
        ;; 6 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $lo
        local.get $hi
        return
      end
      block $lt7
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt7
        ;; 5 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $lo
        local.get $hi
        return
      end
      ;; 4 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $lo
      local.get $hi
      return
    end
    block $lt8
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt8
      block $lt9
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt9
        ;; 3 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $lo
        local.get $hi
        return
      end
      ;; 2 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $lo
      local.get $hi
      return
    end
    block $lt10
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt10
      ;; 1 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $lo
      local.get $hi
      return
    end
    ;; 0 bits
    local.get $lo
    local.get $hi
    return
  )

  ;; x >>s (c mod 64), f the sign fill. By 32 the high word moves down; then with
  ;; c = 8k + r: x >> c = (x >> 8k') << (8 - r) + (byte k' - 1 of x) >> r, k' = ceil(c / 8): whole
  ;; bytes by loads at a byte offset from scratch memory, the rest by 8 - r doublings.
  (func $i64_shr_s (export "i64_shr_s") (param $lo i32) (param $hi i32) (param $c i32) (result i32 i32)
    (local $f i32) (local $b i32)
    ;; the count is taken mod 64: keep the low byte, drop 128 and 64
    block $count0
      local.get $c
      i32.const 64
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
    end
    i32.const 0
    local.get $hi
    i32.const 0
    i32.lt_s
    i32.sub
    local.set $f
    local.get $c
    i32.const 32
    i32.ge_u
    if
      local.get $hi
      local.set $lo
      local.get $f
      local.set $hi
      local.get $c
      i32.const 32
      i32.sub
      local.set $c
    end
    ;; c + 7 = 8k' + j, with 7 - j = (8 - r) mod 8 doublings to do
    local.get $c
    i32.const 7
    i32.add
    local.set $c
    block $bits
      block $lt1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $lt1
        block $lt2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $lt2
          block $lt3
            local.get $c
            i32.const 32
            i32.lt_u
            br_if $lt3
            ;; 4 whole bytes
            i32.const 0
            local.get $lo
            i32.store
            i32.const 0
            local.get $hi
            i32.store offset=4
            i32.const 0
            i32.load8_u offset=3
            local.set $b
            i32.const 0
            i32.load offset=4
            local.set $lo
            i32.const 0
            local.get $hi
            i32.store
            i32.const 0
            local.get $f
            i32.store offset=4
            i32.const 0
            i32.load offset=4
            local.set $hi
            local.get $c
            i32.const 32
            i32.sub
            local.set $c
            br $bits
          end
          ;; 3 whole bytes
          i32.const 0
          local.get $lo
          i32.store
          i32.const 0
          local.get $hi
          i32.store offset=4
          i32.const 0
          i32.load8_u offset=2
          local.set $b
          i32.const 0
          i32.load offset=3
          local.set $lo
          i32.const 0
          local.get $hi
          i32.store
          i32.const 0
          local.get $f
          i32.store offset=4
          i32.const 0
          i32.load offset=3
          local.set $hi
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load8_u offset=1
        local.set $b
        i32.const 0
        i32.load offset=2
        local.set $lo
        i32.const 0
        local.get $hi
        i32.store
        i32.const 0
        local.get $f
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $hi
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $lt4
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $lt4
        ;; 1 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load8_u offset=0
        local.set $b
        i32.const 0
        i32.load offset=1
        local.set $lo
        i32.const 0
        local.get $hi
        i32.store
        i32.const 0
        local.get $f
        i32.store offset=4
        i32.const 0
        i32.load offset=1
        local.set $hi
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      ;; 0 whole bytes
      br $bits
    end
    block $lt5
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt5
      block $lt6
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt6
        block $lt7
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt7
          ;; 0 doublings
          local.get $lo
          local.get $hi
          return
        end
        ;; 1 doublings
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        ;; (b << m) < 2^15: its second byte is b >> r
        i32.const 0
        local.get $b
        local.get $b
        i32.add
        i32.store
        local.get $lo
        i32.const 0
        i32.load8_u offset=1
        i32.add
        local.get $hi
        return
      end
      block $lt8
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt8
        ;; 2 doublings
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        ;; (b << m) < 2^15: its second byte is b >> r
        i32.const 0
        local.get $b
        local.get $b
        i32.add
        local.tee $b
        local.get $b
        i32.add
        i32.store
        local.get $lo
        i32.const 0
        i32.load8_u offset=1
        i32.add
        local.get $hi
        return
      end
      ;; 3 doublings
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      ;; (b << m) < 2^15: its second byte is b >> r
      i32.const 0
      local.get $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      i32.store
      local.get $lo
      i32.const 0
      i32.load8_u offset=1
      i32.add
      local.get $hi
      return
    end
    block $lt9
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt9
      block $lt10
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt10
        ;; 4 doublings
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        ;; (b << m) < 2^15: its second byte is b >> r
        i32.const 0
        local.get $b
        local.get $b
        i32.add
        local.tee $b
        local.get $b
        i32.add
        local.tee $b
        local.get $b
        i32.add
        local.tee $b
        local.get $b
        i32.add
        i32.store
        local.get $lo
        i32.const 0
        i32.load8_u offset=1
        i32.add
        local.get $hi
        return
      end
      ;; 5 doublings
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      ;; (b << m) < 2^15: its second byte is b >> r
      i32.const 0
      local.get $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      i32.store
      local.get $lo
      i32.const 0
      i32.load8_u offset=1
      i32.add
      local.get $hi
      return
    end
    block $lt11
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt11
      ;; 6 doublings
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      ;; (b << m) < 2^15: its second byte is b >> r
      i32.const 0
      local.get $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      i32.store
      local.get $lo
      i32.const 0
      i32.load8_u offset=1
      i32.add
      local.get $hi
      return
    end
    ;; 7 doublings
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    ;; (b << m) < 2^15: its second byte is b >> r
    i32.const 0
    local.get $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    i32.store
    local.get $lo
    i32.const 0
    i32.load8_u offset=1
    i32.add
    local.get $hi
    return
  )

  ;; x >>u (c mod 64), f the zero fill. By 32 the high word moves down; then with
  ;; c = 8k + r: x >> c = (x >> 8k') << (8 - r) + (byte k' - 1 of x) >> r, k' = ceil(c / 8): whole
  ;; bytes by loads at a byte offset from scratch memory, the rest by 8 - r doublings.
  (func $i64_shr_u (export "i64_shr_u") (param $lo i32) (param $hi i32) (param $c i32) (result i32 i32)
    (local $f i32) (local $b i32)
    ;; the count is taken mod 64: keep the low byte, drop 128 and 64
    block $count0
      local.get $c
      i32.const 64
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
    end
    local.get $c
    i32.const 32
    i32.ge_u
    if
      local.get $hi
      local.set $lo
      local.get $f
      local.set $hi
      local.get $c
      i32.const 32
      i32.sub
      local.set $c
    end
    ;; c + 7 = 8k' + j, with 7 - j = (8 - r) mod 8 doublings to do
    local.get $c
    i32.const 7
    i32.add
    local.set $c
    block $bits
      block $lt1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $lt1
        block $lt2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $lt2
          block $lt3
            local.get $c
            i32.const 32
            i32.lt_u
            br_if $lt3
            ;; 4 whole bytes
            i32.const 0
            local.get $lo
            i32.store
            i32.const 0
            local.get $hi
            i32.store offset=4
            i32.const 0
            i32.load8_u offset=3
            local.set $b
            i32.const 0
            i32.load offset=4
            local.set $lo
            i32.const 0
            local.get $hi
            i32.store
            i32.const 0
            local.get $f
            i32.store offset=4
            i32.const 0
            i32.load offset=4
            local.set $hi
            local.get $c
            i32.const 32
            i32.sub
            local.set $c
            br $bits
          end
          ;; 3 whole bytes
          i32.const 0
          local.get $lo
          i32.store
          i32.const 0
          local.get $hi
          i32.store offset=4
          i32.const 0
          i32.load8_u offset=2
          local.set $b
          i32.const 0
          i32.load offset=3
          local.set $lo
          i32.const 0
          local.get $hi
          i32.store
          i32.const 0
          local.get $f
          i32.store offset=4
          i32.const 0
          i32.load offset=3
          local.set $hi
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load8_u offset=1
        local.set $b
        i32.const 0
        i32.load offset=2
        local.set $lo
        i32.const 0
        local.get $hi
        i32.store
        i32.const 0
        local.get $f
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $hi
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $lt4
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $lt4
        ;; 1 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load8_u offset=0
        local.set $b
        i32.const 0
        i32.load offset=1
        local.set $lo
        i32.const 0
        local.get $hi
        i32.store
        i32.const 0
        local.get $f
        i32.store offset=4
        i32.const 0
        i32.load offset=1
        local.set $hi
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      ;; 0 whole bytes
      br $bits
    end
    block $lt5
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt5
      block $lt6
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt6
        block $lt7
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt7
          ;; 0 doublings
          local.get $lo
          local.get $hi
          return
        end
        ;; 1 doublings
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        ;; (b << m) < 2^15: its second byte is b >> r
        i32.const 0
        local.get $b
        local.get $b
        i32.add
        i32.store
        local.get $lo
        i32.const 0
        i32.load8_u offset=1
        i32.add
        local.get $hi
        return
      end
      block $lt8
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt8
        ;; 2 doublings
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        ;; (b << m) < 2^15: its second byte is b >> r
        i32.const 0
        local.get $b
        local.get $b
        i32.add
        local.tee $b
        local.get $b
        i32.add
        i32.store
        local.get $lo
        i32.const 0
        i32.load8_u offset=1
        i32.add
        local.get $hi
        return
      end
      ;; 3 doublings
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      ;; (b << m) < 2^15: its second byte is b >> r
      i32.const 0
      local.get $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      i32.store
      local.get $lo
      i32.const 0
      i32.load8_u offset=1
      i32.add
      local.get $hi
      return
    end
    block $lt9
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt9
      block $lt10
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt10
        ;; 4 doublings
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.set $hi
        local.get $lo
        local.get $lo
        i32.add
        local.set $lo
        ;; (b << m) < 2^15: its second byte is b >> r
        i32.const 0
        local.get $b
        local.get $b
        i32.add
        local.tee $b
        local.get $b
        i32.add
        local.tee $b
        local.get $b
        i32.add
        local.tee $b
        local.get $b
        i32.add
        i32.store
        local.get $lo
        i32.const 0
        i32.load8_u offset=1
        i32.add
        local.get $hi
        return
      end
      ;; 5 doublings
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      ;; (b << m) < 2^15: its second byte is b >> r
      i32.const 0
      local.get $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      i32.store
      local.get $lo
      i32.const 0
      i32.load8_u offset=1
      i32.add
      local.get $hi
      return
    end
    block $lt11
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt11
      ;; 6 doublings
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.set $hi
      local.get $lo
      local.get $lo
      i32.add
      local.set $lo
      ;; (b << m) < 2^15: its second byte is b >> r
      i32.const 0
      local.get $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      local.tee $b
      local.get $b
      i32.add
      i32.store
      local.get $lo
      i32.const 0
      i32.load8_u offset=1
      i32.add
      local.get $hi
      return
    end
    ;; 7 doublings
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    local.get $hi
    local.get $hi
    i32.add
    local.get $lo
    i32.const 0
    i32.lt_s
    i32.add
    local.set $hi
    local.get $lo
    local.get $lo
    i32.add
    local.set $lo
    ;; (b << m) < 2^15: its second byte is b >> r
    i32.const 0
    local.get $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    local.tee $b
    local.get $b
    i32.add
    i32.store
    local.get $lo
    i32.const 0
    i32.load8_u offset=1
    i32.add
    local.get $hi
    return
  )

  ;; x rotated left by (c mod 64): by 32 the words swap; whole bytes
  ;; from the pair stored in both word orders and loaded at a byte offset; then one bit at a time,
  ;; each word doubled and given the other's top bit.
  (func $i64_rotl (export "i64_rotl") (param $lo i32) (param $hi i32) (param $c i32) (result i32 i32)
    (local $t i32)
    ;; the count is taken mod 64: keep the low byte, drop 128 and 64
    block $count0
      local.get $c
      i32.const 64
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
    end
    local.get $c
    i32.const 32
    i32.ge_u
    if
      local.get $hi
      local.get $lo
      local.set $hi
      local.set $lo
      local.get $c
      i32.const 32
      i32.sub
      local.set $c
    end
    block $bits
      block $lt1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $lt1
        block $lt2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $lt2
          ;; 3 whole bytes
          i32.const 0
          local.get $lo
          i32.store
          i32.const 0
          local.get $hi
          i32.store offset=4
          i32.const 0
          i32.load offset=1
          local.set $t
          i32.const 0
          local.get $hi
          i32.store
          i32.const 0
          local.get $lo
          i32.store offset=4
          i32.const 0
          i32.load offset=1
          local.set $lo
          local.get $t
          local.set $hi
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $t
        i32.const 0
        local.get $hi
        i32.store
        i32.const 0
        local.get $lo
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $lo
        local.get $t
        local.set $hi
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $lt3
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $lt3
        ;; 1 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load offset=3
        local.set $t
        i32.const 0
        local.get $hi
        i32.store
        i32.const 0
        local.get $lo
        i32.store offset=4
        i32.const 0
        i32.load offset=3
        local.set $lo
        local.get $t
        local.set $hi
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      ;; 0 whole bytes
      br $bits
    end
    block $lt4
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt4
      block $lt5
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt5
        block $lt6
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt6
          ;; 7 bits
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $lo
          local.get $hi
          return
        end
        ;; 6 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $lo
        local.get $hi
        return
      end
      block $lt7
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt7
        ;; 5 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $lo
        local.get $hi
        return
      end
      ;; 4 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $lo
      local.get $hi
      return
    end
    block $lt8
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt8
      block $lt9
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt9
        ;; 3 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $lo
        local.get $hi
        return
      end
      ;; 2 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $lo
      local.get $hi
      return
    end
    block $lt10
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt10
      ;; 1 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $lo
      local.get $hi
      return
    end
    ;; 0 bits
    local.get $lo
    local.get $hi
    return
  )

  ;; x rotated right by (c mod 64), as a rotation left by 64 - c: by 32 the words swap; whole bytes
  ;; from the pair stored in both word orders and loaded at a byte offset; then one bit at a time,
  ;; each word doubled and given the other's top bit.
  (func $i64_rotr (export "i64_rotr") (param $lo i32) (param $hi i32) (param $c i32) (result i32 i32)
    (local $t i32)
    ;; the count is taken mod 64: keep the low byte, drop 128 and 64
    block $count0
      local.get $c
      i32.const 64
      i32.lt_u
      br_if $count0
      i32.const 0
      local.get $c
      i32.store8
      i32.const 0
      i32.load8_u
      local.set $c
      local.get $c
      i32.const 128
      i32.ge_u
      if
        local.get $c
        i32.const 128
        i32.sub
        local.set $c
      end
      local.get $c
      i32.const 64
      i32.ge_u
      if
        local.get $c
        i32.const 64
        i32.sub
        local.set $c
      end
    end
    local.get $c
    if
      i32.const 64
      local.get $c
      i32.sub
      local.set $c
    end
    local.get $c
    i32.const 32
    i32.ge_u
    if
      local.get $hi
      local.get $lo
      local.set $hi
      local.set $lo
      local.get $c
      i32.const 32
      i32.sub
      local.set $c
    end
    block $bits
      block $lt1
        local.get $c
        i32.const 16
        i32.lt_u
        br_if $lt1
        block $lt2
          local.get $c
          i32.const 24
          i32.lt_u
          br_if $lt2
          ;; 3 whole bytes
          i32.const 0
          local.get $lo
          i32.store
          i32.const 0
          local.get $hi
          i32.store offset=4
          i32.const 0
          i32.load offset=1
          local.set $t
          i32.const 0
          local.get $hi
          i32.store
          i32.const 0
          local.get $lo
          i32.store offset=4
          i32.const 0
          i32.load offset=1
          local.set $lo
          local.get $t
          local.set $hi
          local.get $c
          i32.const 24
          i32.sub
          local.set $c
          br $bits
        end
        ;; 2 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $t
        i32.const 0
        local.get $hi
        i32.store
        i32.const 0
        local.get $lo
        i32.store offset=4
        i32.const 0
        i32.load offset=2
        local.set $lo
        local.get $t
        local.set $hi
        local.get $c
        i32.const 16
        i32.sub
        local.set $c
        br $bits
      end
      block $lt3
        local.get $c
        i32.const 8
        i32.lt_u
        br_if $lt3
        ;; 1 whole bytes
        i32.const 0
        local.get $lo
        i32.store
        i32.const 0
        local.get $hi
        i32.store offset=4
        i32.const 0
        i32.load offset=3
        local.set $t
        i32.const 0
        local.get $hi
        i32.store
        i32.const 0
        local.get $lo
        i32.store offset=4
        i32.const 0
        i32.load offset=3
        local.set $lo
        local.get $t
        local.set $hi
        local.get $c
        i32.const 8
        i32.sub
        local.set $c
        br $bits
      end
      ;; 0 whole bytes
      br $bits
    end
    block $lt4
      local.get $c
      i32.const 4
      i32.lt_u
      br_if $lt4
      block $lt5
        local.get $c
        i32.const 6
        i32.lt_u
        br_if $lt5
        block $lt6
          local.get $c
          i32.const 7
          i32.lt_u
          br_if $lt6
          ;; 7 bits
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $hi
          local.get $hi
          i32.add
          local.get $lo
          i32.const 0
          i32.lt_s
          i32.add
          local.get $lo
          local.get $lo
          i32.add
          local.get $hi
          i32.const 0
          i32.lt_s
          i32.add
          local.set $lo
          local.set $hi
          local.get $lo
          local.get $hi
          return
        end
        ;; 6 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $lo
        local.get $hi
        return
      end
      block $lt7
        local.get $c
        i32.const 5
        i32.lt_u
        br_if $lt7
        ;; 5 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $lo
        local.get $hi
        return
      end
      ;; 4 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $lo
      local.get $hi
      return
    end
    block $lt8
      local.get $c
      i32.const 2
      i32.lt_u
      br_if $lt8
      block $lt9
        local.get $c
        i32.const 3
        i32.lt_u
        br_if $lt9
        ;; 3 bits
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $hi
        local.get $hi
        i32.add
        local.get $lo
        i32.const 0
        i32.lt_s
        i32.add
        local.get $lo
        local.get $lo
        i32.add
        local.get $hi
        i32.const 0
        i32.lt_s
        i32.add
        local.set $lo
        local.set $hi
        local.get $lo
        local.get $hi
        return
      end
      ;; 2 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $lo
      local.get $hi
      return
    end
    block $lt10
      local.get $c
      i32.const 1
      i32.lt_u
      br_if $lt10
      ;; 1 bits
      local.get $hi
      local.get $hi
      i32.add
      local.get $lo
      i32.const 0
      i32.lt_s
      i32.add
      local.get $lo
      local.get $lo
      i32.add
      local.get $hi
      i32.const 0
      i32.lt_s
      i32.add
      local.set $lo
      local.set $hi
      local.get $lo
      local.get $hi
      return
    end
    ;; 0 bits
    local.get $lo
    local.get $hi
    return
  )

  ;; leading zero bits of (lo, hi): clz(hi), or 32 + clz(lo) when hi = 0.
  (func $i64_clz (export "i64_clz") (param $lo i32) (param $hi i32) (result i32)
    local.get $hi
    if
      local.get $hi
      call $clz
      return
    end
    local.get $lo
    call $clz
    i32.const 32
    i32.add
  )

  ;; trailing zero bits of (lo, hi): ctz(lo), or 32 + ctz(hi) when lo = 0.
  (func $i64_ctz (export "i64_ctz") (param $lo i32) (param $hi i32) (result i32)
    local.get $lo
    if
      local.get $lo
      call $ctz
      return
    end
    local.get $hi
    call $ctz
    i32.const 32
    i32.add
  )

  ;; one bits of (lo, hi): popcnt(lo) + popcnt(hi).
  (func $i64_popcnt (export "i64_popcnt") (param $lo i32) (param $hi i32) (result i32)
    local.get $lo
    call $popcnt
    local.get $hi
    call $popcnt
    i32.add
  )
)
